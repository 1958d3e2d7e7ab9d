/**
 * IstioValidation through the cdk8s CLI's own ValidationContext and ValidationReport (the objects
 * `cdk8s synth` hands a plugin), over manifest files.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Validation, ValidationContext as CliValidationContext } from 'cdk8s-cli/plugins';
import { parse } from 'yaml';
import * as root from '../../lib';
import { IstioValidation } from '../../lib/plugin/istio-validation';
import { REPO_ROOT } from '../util/tree';

// the CLI's package exports './plugins' (TypeScript's node10 resolution reads the types above from the file itself)
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { ValidationContext } = require('cdk8s-cli/plugins') as { ValidationContext: typeof CliValidationContext };

let tmp: string;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'istio-validation-'));
});
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

const SERVICE = `apiVersion: v1
kind: Service
metadata:
  name: reviews
  namespace: shop
spec:
  ports:
    - name: http
      port: 9080
  selector:
    app: reviews
`;
const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: reviews-v1
  namespace: shop
spec:
  selector:
    matchLabels: { app: reviews, version: v1 }
  template:
    metadata:
      labels: { app: reviews, version: v1 }
    spec:
      containers:
        - name: reviews
          image: example/reviews:v1
`;
const DESTINATION_RULE = `apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata:
  name: reviews
  namespace: shop
spec:
  host: reviews
  subsets:
    - name: v1
      labels: { version: v1 }
`;
const virtualService = (name: string, subset: string) => `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: ${name}
  namespace: shop
spec:
  hosts:
    - reviews
  http:
    - route:
        - destination:
            host: reviews
            subset: ${subset}
`;

/** Writes each file under the temp folder and returns their paths, as the CLI lists them. */
function manifests(files: Record<string, string>): string[] {
  return Object.entries(files).map(([name, text]) => {
    const p = path.join(tmp, name);
    fs.writeFileSync(p, text);
    return p;
  });
}

async function validate(files: string[], options: { props?: object; metadata?: Record<string, { path: string }>; stdout?: boolean } = {}) {
  const context = new ValidationContext(files, 'cdk8s-istio', '0.1.0', options.metadata ?? {}, options.stdout ?? false);
  const logged: string[] = [];
  (context.logger as any).log = (m: string) => logged.push(m);
  await new IstioValidation(options.props as any).validate(context as any);
  return { json: context.report.toJson(), success: context.report.success, logged, text: context.report.toString() };
}

describe('IstioValidation', () => {
  test('is a cdk8s CLI validation plugin exported from the package root', () => {
    const plugin: Validation = new root.IstioValidation();
    expect(typeof plugin.validate).toBe('function');
    expect(root.IstioValidation).toBe(IstioValidation);
  });

  test('fails on a subset no DestinationRule defines, with the finding, its file and line, and the construct path from the metadata', async () => {
    // GIVEN
    const text = [SERVICE, DEPLOYMENT, DESTINATION_RULE, virtualService('reviews-routes', 'v2')].join('---\n');
    const files = manifests({ 'shop.k8s.yaml': text });
    const subsetLine = text.split('\n').indexOf('            subset: v2') + 1;
    const metadata = { 'reviews-routes': { path: 'shop/reviews-routes/Resource' }, 'reviews': { path: 'shop/reviews-rule/Resource' } };
    // WHEN
    const { json, success } = await validate(files, { metadata });
    // THEN
    expect(success).toBe(false);
    expect(json.summary).toMatchObject({ status: 'failure', metadata: { objects: '4', errors: '1', warnings: '0', suppressed: '0' } });
    expect(json.violations).toEqual([{
      ruleName: 'CI1003 SubsetNotFound (error)',
      recommendation: expect.stringMatching(/^subset 'v2' of host 'reviews' is not defined by any DestinationRule; defined: v1.* \[IST0101.*KIA1107\]$/),
      fix: expect.stringMatching(/^add subset 'v2' to a DestinationRule/),
      violatingConstructs: [{
        resourceName: 'reviews-routes',
        constructPath: 'shop/reviews-routes/Resource',
        manifestPath: files[0],
        locations: [`spec.http[0].route[0].destination.subset = 'v2' (${files[0]}:${subsetLine})`],
      }],
    }]);
  });

  test('passes a valid mesh, read across several files', async () => {
    // GIVEN
    const files = manifests({ 'a.k8s.yaml': [SERVICE, DEPLOYMENT].join('---\n'), 'b.k8s.yaml': [DESTINATION_RULE, virtualService('reviews-routes', 'v1')].join('---\n') });
    // WHEN
    const { json, success } = await validate(files);
    // THEN
    expect(success).toBe(true);
    expect(json.violations).toEqual([]);
    expect(json.summary.metadata).toEqual({ objects: '4', errors: '0', warnings: '0', suppressed: '0' });
  });

  test('a name several resources share is reported as Kind namespace/name, so the CLI does not attach another resource\'s construct path', async () => {
    // GIVEN a VirtualService named like the Service and the DestinationRule (cdk8s's metadata is keyed by name only)
    const files = manifests({ 'shop.k8s.yaml': [SERVICE, DEPLOYMENT, DESTINATION_RULE, virtualService('reviews', 'v2')].join('---\n') });
    // WHEN
    const { json } = await validate(files, { metadata: { reviews: { path: 'shop/reviews-rule/Resource' } } });
    // THEN
    expect(json.violations.map((v) => v.violatingConstructs.map((c) => [c.resourceName, c.constructPath]))).toEqual([[['VirtualService shop/reviews', undefined]]]);
  });

  test('warnings are reported and pass; warningsAsErrors makes them fail', async () => {
    // GIVEN a Service port name outside Istio's protocol naming (CI1011, a warning)
    const files = manifests({ 'svc.yaml': SERVICE.replace('name: http', 'name: web') });
    // WHEN
    const lenient = await validate(files);
    const strict = await validate(files, { props: { warningsAsErrors: true } });
    // THEN
    expect(lenient.success).toBe(true);
    expect(lenient.json.violations.map((v) => [v.ruleName, v.violatingConstructs[0].resourceName])).toEqual([['CI1011 PortNameNotProtocol (warning)', 'reviews']]);
    expect(strict.success).toBe(false);
    expect(strict.json.violations.map((v) => v.ruleName)).toEqual(['CI1011 PortNameNotProtocol (error)']);
  });

  test('a suppression annotation with a reason keeps the finding out of the violations and logs it', async () => {
    // GIVEN
    const suppressed = SERVICE.replace('  namespace: shop\n', '  namespace: shop\n  annotations:\n    suppress.cdk8s-istio.io/CI1011: "legacy clients"\n')
      .replace('name: http', 'name: web');
    const files = manifests({ 'svc.yaml': suppressed });
    // WHEN
    const { json, success, logged } = await validate(files, { props: { warningsAsErrors: true } });
    // THEN
    expect(success).toBe(true);
    expect(json.violations).toEqual([]);
    expect(json.summary.metadata).toMatchObject({ suppressed: '1' });
    expect(logged).toEqual([expect.stringMatching(/^cdk8s-istio: suppressed CI1011 \[Service shop\/reviews\] spec\.ports\[0\]\.name: .*\(reason: legacy clients\)$/)]);
  });

  test('a manifest that is not valid YAML fails with CI0026 at its line', async () => {
    // GIVEN
    const files = manifests({ 'broken.yaml': 'apiVersion: v1\nkind: Service\nmetadata: {name: [\n' });
    // WHEN
    const { json, success } = await validate(files);
    // THEN
    expect(success).toBe(false);
    expect(json.violations.map((v) => [v.ruleName, v.violatingConstructs[0].manifestPath])).toEqual([['CI0026 UnreadableManifest (error)', files[0]]]);
    expect(json.violations[0].violatingConstructs[0].locations[0]).toMatch(new RegExp(`\\(${files[0]}:\\d+\\)$`));
  });

  test('under --stdout the manifest files are temporary: locations name no file', async () => {
    // GIVEN
    const files = manifests({ 'shop.k8s.yaml': [SERVICE, DEPLOYMENT, DESTINATION_RULE, virtualService('reviews-routes', 'v2')].join('---\n') });
    // WHEN
    const { json } = await validate(files, { stdout: true });
    // THEN
    expect(json.violations[0].violatingConstructs[0]).toMatchObject({ manifestPath: 'STDOUT', locations: ['spec.http[0].route[0].destination.subset = \'v2\''] });
  });

  test('the CLI\'s printed report names the rule, the construct path, the location and the fix', async () => {
    // GIVEN
    const files = manifests({ 'shop.k8s.yaml': [SERVICE, DEPLOYMENT, DESTINATION_RULE, virtualService('reviews-routes', 'v2')].join('---\n') });
    // WHEN
    const { text } = await validate(files, { metadata: { 'reviews-routes': { path: 'shop/reviews-routes/Resource' } } });
    // THEN
    expect(text).toContain('CI1003 SubsetNotFound (error) (1 occurrences)');
    expect(text).toContain('- Construct Path: shop/reviews-routes/Resource');
    expect(text).toContain(`> spec.http[0].route[0].destination.subset = 'v2' (${files[0]}:`);
    expect(text).toMatch(/How to fix: add subset 'v2' to a DestinationRule/);
  });

  test('fails to start on an unknown property or a property of the wrong type', () => {
    expect(() => new IstioValidation({ warningAsErrors: true } as any)).toThrow(/unknown properties 'warningAsErrors' in cdk8s.yaml; known: warningsAsErrors/);
    expect(() => new IstioValidation({ warningsAsErrors: 'yes' } as any)).toThrow(/warningsAsErrors must be true or false, got 'yes'/);
  });

  test('the README\'s cdk8s.yaml entry names the exported class, this package\'s version and known properties', () => {
    // GIVEN the yaml block of the README's plugin section
    const readme = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## cdk8s CLI validation plugin'));
    const entry = parse(section.slice(section.indexOf('```yaml') + 7, section.indexOf('```', section.indexOf('```yaml') + 7))).validations[0];
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
    // THEN
    expect({ package: entry.package, class: entry.class, version: entry.version }).toEqual({ package: `./node_modules/${pkg.name}`, class: 'IstioValidation', version: pkg.version });
    expect(typeof (root as Record<string, unknown>)[entry.class]).toBe('function');
    expect(() => new IstioValidation(entry.properties)).not.toThrow();
  });
});
