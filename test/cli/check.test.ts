import * as path from 'path';
import { ALL_CHECKS } from '../../lib/analysis/registry';
import { JsonReport } from '../../lib/cli/format-json';
import { REPO_ROOT } from '../util/tree';
import { BROKEN_ROUTE, REVIEWS, reviewsRoutes, runCli, sarifSchemaErrors, writeTree } from './fixtures';

describe('cdk8s-istio check', () => {
  test('fails (exit 1) for a folder with mistakes, naming file:line of each field', () => {
    // GIVEN: a subset typo (CI1003) and an unknown field (CI0016)
    const dir = writeTree({ 'mesh/reviews.yaml': REVIEWS, 'mesh/routes.yaml': reviewsRoutes(BROKEN_ROUTE) });
    const file = path.join(dir, 'mesh', 'routes.yaml');
    // WHEN
    const run = runCli(['check', path.join(dir, 'mesh')]);
    // THEN
    expect(run.code).toBe(1);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(new RegExp(`^error CI1003 ${escape(file)}:13 \\[VirtualService shop/reviews\\] spec\\.http\\[0\\]\\.route\\[0\\]\\.destination\\.subset = 'v4': subset 'v4' of host 'reviews' is not defined by any DestinationRule; defined: v1 .*; fix: add subset 'v4' .*`));
    expect(lines[1]).toMatch(new RegExp(`^error CI0016 ${escape(file)}:14 \\[VirtualService shop/reviews\\] spec\\.http\\[0\\]\\.timout = '5s': unknown field 'timout'.*; fix: `));
    expect(run.stderr).toBe('cdk8s-istio check: 4 objects in 2 files; 2 errors, 0 warnings, 0 suppressed\n');
  });

  test('fails (exit 1) for a lookahead regex in a VirtualService, naming file:line of the regex field', () => {
    // GIVEN a regex with a lookahead (RE2, which Istio and Envoy use, has none)
    const route = `  - match:\n    - uri:\n        regex: "^/(?=api)"\n    route:\n    - destination:\n        host: reviews\n`;
    const dir = writeTree({ 'mesh/reviews.yaml': REVIEWS, 'mesh/routes.yaml': reviewsRoutes(route) });
    const file = path.join(dir, 'mesh', 'routes.yaml');
    // WHEN
    const run = runCli(['check', path.join(dir, 'mesh')]);
    // THEN
    expect(run.code).toBe(1);
    expect(run.stdout.trimEnd().split('\n')).toEqual([expect.stringMatching(new RegExp(`^error CI0109 ${escape(file)}:12 \\[VirtualService shop/reviews\\] spec\\.http\\[0\\]\\.match\\[0\\]\\.uri\\.regex = '\\^/\\(\\?=api\\)': `))]);
  });

  test('passes (exit 0) for the committed dist/, as kubectl apply -f dist/ reads it', () => {
    // WHEN
    const run = runCli(['check', path.join(REPO_ROOT, 'dist')]);
    // THEN
    expect(run).toEqual({ code: 0, stdout: '', stderr: expect.stringMatching(/^cdk8s-istio check: \d+ objects in 4 files; 0 errors, 0 warnings, 0 suppressed\n$/) });
  });

  test('passes for dist/ with each scenario on top, as the README applies them', () => {
    // GIVEN
    const scenarios = path.join(REPO_ROOT, 'dist', 'scenarios');
    for (const scenario of require('fs').readdirSync(scenarios) as string[]) {
      // WHEN
      const run = runCli(['check', path.join(REPO_ROOT, 'dist'), path.join(scenarios, scenario)]);
      // THEN: the scenario's workloads carry only warnings (their cdk8s suppressions are not in the YAML)
      expect({ scenario, code: run.code, errors: run.stdout.split('\n').filter((l) => l.startsWith('error')) }).toEqual({ scenario, code: 0, errors: [] });
    }
  });

  test('-R reads subfolders: all scenarios at once claim the same hosts (CI1007)', () => {
    // WHEN
    const run = runCli(['check', '-R', path.join(REPO_ROOT, 'dist')]);
    // THEN
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^error CI1007 .*dist\/scenarios\//m);
  });

  test('reads standard input for -, located as -:line, with the default namespace given by --namespace', () => {
    // WHEN
    const run = runCli(['check', '--namespace', 'shop', '-'], `${REVIEWS.replace(/  namespace: shop\n/g, '')}---\n${reviewsRoutes(BROKEN_ROUTE).replace('  namespace: shop\n', '')}`);
    // THEN
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^error CI1003 -:42 \[VirtualService shop\/reviews\] spec\.http\[0\]\.route\[0\]\.destination\.subset = 'v4'/m);
    expect(run.stderr).toMatch(/4 objects in 1 file; 2 errors/);
  });

  test('warnings pass, and fail with --warnings-as-errors', () => {
    // GIVEN: a Service port name without protocol (CI1011, a warning)
    const dir = writeTree({ 'svc.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n  - name: web\n    port: 80\n' });
    // WHEN
    const plain = runCli(['check', dir]);
    const strict = runCli(['check', '--warnings-as-errors', dir]);
    // THEN
    expect(plain.code).toBe(0);
    expect(plain.stdout).toMatch(new RegExp(`^warning CI1011 ${escape(path.join(dir, 'svc.yaml'))}:7 \\[Service default/web\\] spec\\.ports\\[0\\]\\.name = 'web'`));
    expect(strict.code).toBe(1);
    expect(strict.stdout).toMatch(/^error CI1011 /);
  });

  test('prints a suppressed finding with its reason, and it does not fail', () => {
    // GIVEN
    const dir = writeTree({ 'svc.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  annotations:\n    suppress.cdk8s-istio.io/CI1011: "port names are fixed by the vendor chart"\nspec:\n  ports:\n  - name: web\n    port: 80\n' });
    // WHEN
    const run = runCli(['check', dir]);
    // THEN
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`^suppressed CI1011 ${escape(path.join(dir, 'svc.yaml'))}:9 \\[Service default/web\\] spec\\.ports\\[0\\]\\.name = 'web': port 80 name 'web' .* \\(reason: port names are fixed by the vendor chart\\)\n$`));
    expect(run.stderr).toMatch(/0 errors, 0 warnings, 1 suppressed/);
  });

  test('a file that is not YAML is CI0026 with its line; a non-Kubernetes document is a note, not an error', () => {
    // GIVEN
    const dir = writeTree({ 'a-broken.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: name: c\ndata: {}\n', 'b-mixed.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: c }\n---\njust: settings\n' });
    // WHEN
    const broken = runCli(['check', dir]);
    const mixed = runCli(['check', path.join(dir, 'b-mixed.yaml')]);
    // THEN
    expect(broken.code).toBe(1);
    expect(broken.stdout).toMatch(new RegExp(`^error CI0026 ${escape(path.join(dir, 'a-broken.yaml'))}:3 \\[${escape(path.join(dir, 'a-broken.yaml'))}\\] \\(input\\): document 1 is not valid YAML`));
    expect(mixed).toEqual({
      code: 0,
      stdout: '',
      stderr: `note: ${path.join(dir, 'b-mixed.yaml')}:5: document 2 is not a Kubernetes object (no apiVersion and kind); skipped\ncdk8s-istio check: 1 object in 1 file; 0 errors, 0 warnings, 0 suppressed\n`,
    });
  });

  test('a path that does not exist is a CI0026 error, not a crash', () => {
    // WHEN
    const run = runCli(['check', '/nonexistent/manifests']);
    // THEN
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("error CI0026 /nonexistent/manifests:1 [/nonexistent/manifests] (input): cannot read /nonexistent/manifests: ENOENT; fix: give an existing file or folder\n");
  });

  test('external declarations silence the findings about what they declare, and only those', () => {
    // GIVEN: routes to an outside host, a Service of an outside namespace and an outside gateway
    const dir = writeTree({
      'routes.yaml': reviewsRoutes(`  - match:
    - uri: { prefix: /api }
    route:
    - destination:
        host: api.example.com
  - route:
    - destination:
        host: billing.legacy.svc.cluster.local
`).replace('  hosts:\n  - reviews\n', '  hosts:\n  - reviews.example.com\n  gateways:\n  - istio-system/ingressgateway\n'),
    });
    const codes = (run: { stdout: string }) => run.stdout.trimEnd().split('\n').filter(Boolean).map((l) => l.split(' ').slice(0, 3).join(' ').replace(dir, '.'));
    // WHEN
    const none = runCli(['check', dir]);
    const hostOnly = runCli(['check', dir, '--external-host', '*.example.com']);
    const all = runCli(['check', dir, '--external-host', '*.example.com', '--external-gateway', 'istio-system/ingressgateway', '--external-namespace', 'legacy=unmeshed']);
    // THEN
    expect(codes(none)).toEqual(['error CI1001 ./routes.yaml:10', 'error CI1002 ./routes.yaml:16', 'error CI1002 ./routes.yaml:19']);
    expect(codes(hostOnly)).toEqual(['error CI1001 ./routes.yaml:10', 'error CI1002 ./routes.yaml:19']);
    // legacy is declared outside the mesh on purpose (as istio-injection=disabled): nothing is left
    expect(codes(all)).toEqual([]);
    expect(all.code).toBe(0);
  });

  test('--istio-default-gateways judges Gateway selectors against the declared installation', () => {
    // GIVEN a Gateway for Istio's default ingress gateway, and one with a typo in its selector
    const gw = (name: string, label: string) => `apiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata:\n  name: ${name}\nspec:\n  selector:\n    istio: ${label}\n`
      + '  servers:\n  - port:\n      number: 80\n      name: http\n      protocol: HTTP\n    hosts:\n    - "*"\n';
    const dir = writeTree({ 'gateways.yaml': `${gw('public', 'ingressgateway')}---\n${gw('typo', 'ingresstypo')}` });
    // WHEN
    const unknown = runCli(['check', dir]);
    const declared = runCli(['check', dir, '--istio-default-gateways']);
    // THEN without the declaration nothing is judged; with it, the typo is an error on its selector
    expect(unknown.stdout).not.toContain('CI1040');
    expect(declared.stdout).toContain(`error CI1040 ${path.join(dir, 'gateways.yaml')}:21 [Gateway default/typo] spec.selector`);
    expect(declared.stdout.match(/CI1040/g)).toHaveLength(1);
    expect(declared.code).toBe(1);
  });

  test('--format json: every finding with all fields, suppressed findings, notes and the summary', () => {
    // GIVEN
    const dir = writeTree({
      'mesh.yaml': `${REVIEWS}---\n${reviewsRoutes(BROKEN_ROUTE)}---\nnot: kubernetes\n`,
      'svc.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  annotations:\n    suppress.cdk8s-istio.io/CI1011: vendor chart\nspec:\n  ports:\n  - name: web\n    port: 80\n',
    });
    const file = path.join(dir, 'mesh.yaml');
    // WHEN
    const run = runCli(['check', '--format', 'json', dir]);
    const report: JsonReport = JSON.parse(run.stdout);
    // THEN
    expect(run.code).toBe(1);
    expect(report.schemaVersion).toBe(1);
    expect(report.tool).toEqual({ name: 'cdk8s-istio', version: require('../../package.json').version });
    expect(report.summary).toEqual({ objects: 5, files: 2, errors: 2, warnings: 0, suppressed: 1, passed: false });
    expect(report.findings[0]).toEqual({
      severity: 'error', code: 'CI1003', check: 'SubsetNotFound', file, line: 46, column: 9, object: 'VirtualService shop/reviews',
      field: 'spec.http[0].route[0].destination.subset', value: 'v4',
      message: "subset 'v4' of host 'reviews' is not defined by any DestinationRule; defined: v1 (in shop/reviews)",
      fix: "add subset 'v4' to a DestinationRule for reviews.shop.svc.cluster.local, or route to one of the defined subsets",
      counterpart: 'IST0101 ReferencedResourceNotFound / KIA1107',
    });
    expect(report.findings[1]).toMatchObject({ code: 'CI0016', line: 47, field: 'spec.http[0].timout', value: '5s', counterpart: 'CRD schema' });
    expect(report.suppressed).toEqual([expect.objectContaining({ severity: 'warning', code: 'CI1011', check: 'PortNameNotProtocol', line: 9, object: 'Service default/web', reason: 'vendor chart' })]);
    expect(report.notes).toEqual([`${file}:49: document 5 is not a Kubernetes object (no apiVersion and kind); skipped`]);
  });

  test('--format sarif: a valid SARIF 2.1.0 log with every check as a rule, results located, suppressions in source', () => {
    // GIVEN
    const dir = writeTree({
      'mesh/routes.yaml': `${REVIEWS}---\n${reviewsRoutes(BROKEN_ROUTE)}`,
      'mesh/svc.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  annotations:\n    suppress.cdk8s-istio.io/CI1011: vendor chart\nspec:\n  ports:\n  - name: web\n    port: 80\n',
    });
    // WHEN: the relative path a CI job would give
    const relative = path.relative(process.cwd(), path.join(dir, 'mesh'));
    const run = runCli(['check', '--format', 'sarif', relative]);
    const log = JSON.parse(run.stdout);
    // THEN
    expect(run.code).toBe(1);
    expect(sarifSchemaErrors(log)).toEqual([]);
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    const { driver } = log.runs[0].tool;
    expect(driver.name).toBe('cdk8s-istio');
    // no link is made up: the package declares no homepage (it is not published; a 404 page helps nobody)
    expect(driver.informationUri).toBeUndefined();
    expect(driver.rules.map((r: any) => r.id)).toEqual(ALL_CHECKS.map((c) => c.code));
    expect(driver.rules.find((r: any) => r.id === 'CI1003')).toEqual({
      id: 'CI1003', name: 'SubsetNotFound', shortDescription: { text: ALL_CHECKS.find((c) => c.code === 'CI1003')!.catches },
      defaultConfiguration: { level: 'error' }, properties: { counterpart: 'IST0101 ReferencedResourceNotFound / KIA1107', scope: 'mesh' },
    });
    const [subset, schema, suppressed] = log.runs[0].results;
    expect(subset).toMatchObject({
      ruleId: 'CI1003', level: 'error',
      message: { text: expect.stringMatching(/^subset 'v4' of host 'reviews' is not defined .*; fix: add subset 'v4' /) },
      locations: [{ physicalLocation: { artifactLocation: { uri: `${relative.split(path.sep).join('/')}/routes.yaml` }, region: { startLine: 46, startColumn: 9 } } }],
    });
    expect(driver.rules[subset.ruleIndex].id).toBe('CI1003');
    expect(schema).toMatchObject({ ruleId: 'CI0016', locations: [{ physicalLocation: { region: { startLine: 47 } } }] });
    expect(suppressed).toMatchObject({ ruleId: 'CI1011', level: 'warning', suppressions: [{ kind: 'inSource', justification: 'vendor chart' }] });
    // and an invalid log is caught by the same validation
    expect(sarifSchemaErrors({ ...log, runs: [{ ...log.runs[0], results: [{ ...subset, level: 'fatal' }] }] })).not.toEqual([]);
  });

  test('usage errors exit 2 with the usage line on stderr, --help prints the usage', () => {
    // WHEN
    const bad = runCli(['check', '--bogus', 'dist/']);
    const help = runCli(['--help']);
    // THEN
    expect(bad).toEqual({ code: 2, stdout: '', stderr: "cdk8s-istio: unknown option '--bogus'\nusage: cdk8s-istio check [options] PATH...\n(cdk8s-istio --help for the options)\n" });
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^usage: cdk8s-istio check \[options\] PATH\.\.\.\n/);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
