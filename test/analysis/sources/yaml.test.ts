import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseManifests, readManifests } from '../../../lib/analysis/sources/yaml';

const VS = `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: reviews
  namespace: shop
spec:
  hosts:
  - reviews
  http:
  - match:
    - uri:
        regex: "^/(?=api)"
    route:
    - destination:
        host: reviews
`;

describe('parseManifests', () => {
  test('gives each object its file and line, and the line of any field', () => {
    // GIVEN
    const text = `# leading comment\n---\n${VS}---\napiVersion: v1\nkind: Service\nmetadata:\n  name: reviews\n`;
    // WHEN
    const { objects, findings, notes } = parseManifests(text, 'mesh.yaml');
    // THEN
    expect(findings).toEqual([]);
    expect(notes).toEqual([]);
    expect(objects.map((o) => [o.kind, o.qualifiedName, o.path, o.origin.location?.line])).toEqual([
      ['VirtualService', 'shop/reviews', 'VirtualService shop/reviews', 3],
      ['Service', 'default/reviews', 'Service default/reviews', 19],
    ]);
    const vs = objects[0];
    expect(vs.locate('spec.http[0].match[0].uri.regex')).toEqual({ file: 'mesh.yaml', line: 14, column: 9 });
    expect(vs.locate('spec.http[0].route[0].destination.host')?.line).toBe(17);
    // a missing field is located at its closest written ancestor
    expect(vs.locate('spec.http[0].timeout')?.line).toBe(12);
    expect(vs.locate('spec.tcp[0]')?.line).toBe(8);
  });

  test('reads YAML 1.2 as kubectl does: `.`, IPv6 prefixes and yes/no stay strings', () => {
    // GIVEN
    const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: c }\ndata:\n  dot: .\n  v6: 2001:db8::/32\n  answer: yes\n  octal: 0o10\n  list: [1.2.3.4, 001:db8::, ., {a: b}, c: d]\n';
    // WHEN
    const [cm] = parseManifests(text, 'c.yaml').objects;
    // THEN a colon ends a plain scalar only before a space, as in go-yaml (kubectl)
    expect(cm.manifest.data).toEqual({ dot: '.', v6: '2001:db8::/32', answer: 'yes', octal: 8, list: ['1.2.3.4', '001:db8::', '.', { a: 'b' }, { c: 'd' }] });
  });

  test('expands kind: List, locating each item', () => {
    // GIVEN
    const text = 'apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Namespace\n  metadata:\n    name: shop\n- apiVersion: v1\n  kind: Service\n  metadata:\n    name: web\n    namespace: shop\n';
    // WHEN
    const { objects } = parseManifests(text, 'list.yaml');
    // THEN
    expect(objects.map((o) => [o.kind, o.qualifiedName, o.origin.location?.line])).toEqual([['Namespace', 'shop', 4], ['Service', 'shop/web', 8]]);
    expect(objects[1].locate('metadata.namespace')?.line).toBe(12);
  });

  test('skips documents that are not Kubernetes objects with a note, and empty documents silently', () => {
    // GIVEN
    const text = 'just: config\n---\n---\n- a\n- b\n---\napiVersion: v1\nkind: Namespace\nmetadata: { name: x }\n';
    // WHEN
    const { objects, findings, notes } = parseManifests(text, 'mixed.yaml');
    // THEN
    expect(objects.map((o) => o.name)).toEqual(['x']);
    expect(findings).toEqual([]);
    expect(notes).toEqual([
      'mixed.yaml:1: document 1 is not a Kubernetes object (no apiVersion and kind); skipped',
      'mixed.yaml:4: document 3 is not a Kubernetes object (no apiVersion and kind); skipped',
    ]);
  });

  test('reports a document that is not valid YAML as CI0026 with its line, and reads the others', () => {
    // GIVEN
    const text = 'apiVersion: v1\nkind: Namespace\nmetadata: { name: ok }\n---\napiVersion: v1\nkind: Service\nmetadata: { name: [x }\n';
    // WHEN
    const { objects, findings } = parseManifests(text, 'broken.yaml');
    // THEN
    expect(objects.map((o) => o.name)).toEqual(['ok']);
    expect(findings.map((f) => [f.finding.code, f.finding.location?.file, f.finding.location?.line, f.finding.severity])).toEqual([['CI0026', 'broken.yaml', 7, 'error']]);
    expect(findings[0].finding.message).toMatch(/^document 2 is not valid YAML: [^\n]*[a-z\]]$/);
  });

  test('uses the default namespace for objects that name none', () => {
    // WHEN
    const [svc] = parseManifests('apiVersion: v1\nkind: Service\nmetadata: { name: web }\n', 'a.yaml', { defaultNamespace: 'shop' }).objects;
    // THEN
    expect(svc.namespace).toBe('shop');
  });
});

describe('readManifests', () => {
  test('reads folders recursively in name order (.yaml, .yml, .json), files, and - for standard input', () => {
    // GIVEN
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'read-manifests-'));
    fs.mkdirSync(path.join(dir, 'b'));
    fs.writeFileSync(path.join(dir, 'b', 'z.yml'), 'apiVersion: v1\nkind: Namespace\nmetadata: { name: z }\n');
    fs.writeFileSync(path.join(dir, 'a.json'), '{"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "a"}}');
    fs.writeFileSync(path.join(dir, 'c.yaml'), 'apiVersion: v1\nkind: Namespace\nmetadata: { name: c }\n');
    fs.writeFileSync(path.join(dir, 'README.md'), '# not a manifest\n');
    // WHEN
    const result = readManifests([dir, '-', path.join(dir, 'missing.yaml')], { stdin: () => 'apiVersion: v1\nkind: Namespace\nmetadata: { name: in }\n' });
    // THEN
    expect(result.objects.map((o) => o.name)).toEqual(['a', 'z', 'c', 'in']);
    expect(result.objects[1].origin.location?.file).toBe(path.join(dir, 'b', 'z.yml'));
    expect(result.objects[3].origin.location?.file).toBe('-');
    expect(result.files).toEqual([path.join(dir, 'a.json'), path.join(dir, 'b', 'z.yml'), path.join(dir, 'c.yaml'), '-']);
    // without subfolders, as kubectl apply -f without -R
    expect(readManifests([dir], { recursive: false }).files).toEqual([path.join(dir, 'a.json'), path.join(dir, 'c.yaml')]);
    expect(result.findings.map((f) => [f.finding.code, f.finding.message])).toEqual([['CI0026', `cannot read ${path.join(dir, 'missing.yaml')}: ENOENT`]]);
  });
});
