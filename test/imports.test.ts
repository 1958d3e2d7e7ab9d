import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { readTree, REPO_ROOT, SHARED_DIR } from './util/tree';
import { sharedMissing } from './util/shared';
import { describeUnlessSkipped } from './util/skip';

const CRDS = path.join(SHARED_DIR, 'istio', '1.30.3', 'crd-all.gen.yaml');
const SCRIPT = path.join(REPO_ROOT, 'scripts', 'import.mjs');

const d = describeUnlessSkipped(sharedMissing([CRDS]));

d('scripts/import.mjs', () => {
  let tmp: string;
  beforeAll(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'imports-check-'));
  });
  afterAll(() => {
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  test('regenerating imports/ from the CRDs gives the committed files, byte for byte', () => {
    // GIVEN
    const out = path.join(tmp, 'imports');

    // WHEN the import runs offline into a temp folder
    execFileSync(process.execPath, [SCRIPT, '--output', out], { cwd: REPO_ROOT, stdio: 'pipe', env: { ...process.env, CDK8S_CHECK_UPGRADE: 'false' } });

    // THEN
    const fresh = readTree(out);
    const committed = readTree(path.join(REPO_ROOT, 'imports'));
    expect(Object.keys(fresh)).toEqual([
      'extensions.istio.io.ts',
      'istio-crd-rules.ts',
      'istio-schemas.json',
      'istio-validators.ts',
      'networking.istio.io.ts',
      'security.istio.io.ts',
      'telemetry.istio.io.ts',
    ]);
    expect(Object.keys(committed)).toEqual(Object.keys(fresh));
    for (const file of Object.keys(fresh)) {
      // compare as booleans first: a diff of a 1 MB file is not readable
      expect({ file, identical: committed[file] === fresh[file] }).toEqual({ file, identical: true });
    }
  }, 120_000);

  test('the schema file holds the v1 schema of each Istio kind and aliases the other served versions', () => {
    // GIVEN
    const file = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'imports', 'istio-schemas.json'), 'utf8'));

    // THEN
    expect(Object.keys(file.schemas)).toEqual(expect.arrayContaining([
      'networking.istio.io/v1/VirtualService', 'networking.istio.io/v1/DestinationRule', 'networking.istio.io/v1/Gateway',
      'networking.istio.io/v1/ServiceEntry', 'networking.istio.io/v1/Sidecar', 'networking.istio.io/v1/WorkloadEntry',
      'security.istio.io/v1/AuthorizationPolicy', 'security.istio.io/v1/PeerAuthentication', 'security.istio.io/v1/RequestAuthentication',
      'telemetry.istio.io/v1/Telemetry',
    ]));
    expect(file.aliases['networking.istio.io/v1beta1/VirtualService']).toBe('networking.istio.io/v1/VirtualService');
    const vs = file.schemas['networking.istio.io/v1/VirtualService'];
    expect(vs.properties.spec.properties.http.items.properties.route.items.properties.weight).toEqual({ format: 'int32', type: 'integer' });
    // compact: documentation is dropped, keys are sorted
    expect(JSON.stringify(file)).not.toContain('"description"');
    expect(Object.keys(vs.properties.spec.properties)).toEqual([...Object.keys(vs.properties.spec.properties)].sort());
  });

  test('fails with a clear message when the CRD file is absent', () => {
    // WHEN
    const result = spawnSync(process.execPath, [SCRIPT, '--source', path.join(tmp, 'missing.yaml'), '--output', path.join(tmp, 'never')], { encoding: 'utf8' });

    // THEN
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('CRD file not found');
    expect(result.stderr).toContain('https://raw.githubusercontent.com/istio/istio/1.30.3/manifests/charts/base/files/crd-all.gen.yaml');
    expect(fs.existsSync(path.join(tmp, 'never'))).toBe(false);
  });

  test('fails on an unknown argument with the usage', () => {
    // WHEN
    const result = spawnSync(process.execPath, [SCRIPT, '--outptu', tmp], { encoding: 'utf8' });

    // THEN
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("unknown argument '--outptu'");
    expect(result.stderr).toContain('usage: node scripts/import.mjs [--output DIR] [--source FILE]');
  });
});

test('the rule module keeps every CEL rule and list type of the schema file, and the whole schema under each rule', () => {
  // GIVEN the full schemas and the cut-down rule schemas
  const full = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'imports', 'istio-schemas.json'), 'utf8'));
  const { crdRuleSchemas } = require('../imports/istio-crd-rules') as typeof import('../imports/istio-crd-rules');
  /** Every rule and list type, and every typed path under a rule, as `kind path: what`. */
  const marks = (schemas: Record<string, any>) => {
    const out: string[] = [];
    const walk = (node: any, key: string, at: string, underRule: boolean) => {
      if (node === null || typeof node !== 'object') return;
      const rules = node['x-kubernetes-validations'];
      for (const r of rules ?? []) out.push(`${key} ${at}: rule ${r.rule}`);
      if (node['x-kubernetes-list-type']) out.push(`${key} ${at}: list ${node['x-kubernetes-list-type']} ${node['x-kubernetes-list-map-keys'] ?? ''}`);
      const typed = underRule || Array.isArray(rules);
      if (typed) out.push(`${key} ${at}: type ${node.type ?? ''}`);
      for (const [name, sub] of Object.entries<any>(node.properties ?? {})) walk(sub, key, `${at}.${name}`, typed);
      walk(node.items, key, `${at}[]`, typed);
      walk(node.additionalProperties, key, `${at}{}`, typed);
    };
    for (const [key, schema] of Object.entries(schemas)) walk(schema, key, '', false);
    return out.sort();
  };
  // THEN
  expect(marks(crdRuleSchemas.schemas)).toEqual(marks(full.schemas));
  expect(marks(crdRuleSchemas.schemas).filter((m) => m.includes(': rule ')).length).toBeGreaterThan(100);
  expect(crdRuleSchemas.aliases).toEqual(full.aliases);
});
