import * as fs from 'fs';
import * as path from 'path';
import { parseCommand, USAGE } from '../../lib/cli/args';
import { ISTIO_DEFAULT_GATEWAYS } from '../../lib/analysis/model/installation';
import { REPO_ROOT } from '../util/tree';

describe('parseCommand', () => {
  test('check with defaults: text, no warnings-as-errors, namespace default, not recursive, nothing external', () => {
    // WHEN
    const parsed = parseCommand(['check', 'dist/']);
    // THEN
    expect(parsed).toEqual({
      command: 'check',
      options: { paths: ['dist/'], recursive: false, format: 'text', warningsAsErrors: false, namespace: 'default', external: { hosts: [], gateways: [], namespaces: [] } },
    });
  });

  test('every option, in both spellings, with repeated declarations and - for standard input', () => {
    // WHEN
    const parsed = parseCommand([
      'check', '-R', '--format=sarif', '--warnings-as-errors', '--namespace', 'shop', 'a.yaml', '-',
      '--external-host', 'api.example.com', '--external-host=*.legacy.svc.cluster.local',
      '--external-gateway', 'istio-system/ingressgateway', '--external-gateway', 'edge/*',
      '--external-namespace', 'legacy=unmeshed', '--external-namespace', 'platform=meshed', '--external-namespace', 'other',
      'more/',
    ]);
    // THEN
    expect(parsed).toEqual({
      command: 'check',
      options: {
        paths: ['a.yaml', '-', 'more/'],
        recursive: true,
        format: 'sarif',
        warningsAsErrors: true,
        namespace: 'shop',
        external: {
          hosts: ['api.example.com', '*.legacy.svc.cluster.local'],
          gateways: ['istio-system/ingressgateway', 'edge/*'],
          namespaces: [{ name: 'legacy', meshed: false }, { name: 'platform', meshed: true }, { name: 'other' }],
        },
      },
    });
  });

  test('--istio-default-gateways declares the gateways istioctl analyze assumes for files', () => {
    // WHEN
    const parsed = parseCommand(['check', 'dist/', '--istio-default-gateways']);
    // THEN
    expect(parsed).toMatchObject({ command: 'check', options: { external: { installedGateways: ISTIO_DEFAULT_GATEWAYS } } });
    expect(parseCommand(['check', 'dist/'])).not.toHaveProperty('options.external.installedGateways');
  });

  test.each([
    [['--help']], [['-h']], [['check', '--help']], [['check', 'dist/', '-h']],
  ])('%j asks for the usage', (argv) => {
    expect(parseCommand(argv)).toEqual({ command: 'help' });
  });

  test('synth passes every argument after it to cdk8s synth, whatever this parser knows', () => {
    expect(parseCommand(['synth', '--output', 'manifests', '--validation-reports-output-file', 'r.json', '-h'])).toEqual({
      command: 'synth', args: ['--output', 'manifests', '--validation-reports-output-file', 'r.json', '-h'],
    });
  });

  test('--version asks for the version', () => {
    expect(parseCommand(['--version'])).toEqual({ command: 'version' });
  });

  test.each<[string[], string]>([
    [[], 'no command given'],
    [['lint', 'dist/'], "unknown command 'lint'; commands: check, synth"],
    [['check'], 'no PATH given: name files, folders, or - for standard input'],
    [['check', 'dist/', '--bogus'], "unknown option '--bogus'"],
    [['check', 'dist/', '--format'], "option '--format <value>' argument missing"],
    [['check', 'dist/', '--format', 'xml'], "unknown format 'xml'; formats: text, json, sarif"],
    [['check', 'dist/', '--namespace', 'Shop'], "--namespace 'Shop': must consist of lowercase alphanumerics or '-', and start and end with an alphanumeric (DNS-1123 label)"],
    [['check', 'dist/', '--external-namespace', 'legacy=yes'], "--external-namespace 'legacy=yes' is not NS, NS=meshed or NS=unmeshed"],
    [['check', 'dist/', '--external-gateway', 'ingressgateway'], "external gateway 'ingressgateway': not of the form <namespace>/<name>"],
    [['check', 'dist/', '--external-host', 'ratings'], "external host 'ratings': a short name needs its namespace, e.g. 'ratings.<namespace>.svc.cluster.local'"],
  ])('fails for %j: %s', (argv, message) => {
    expect(parseCommand(argv)).toEqual({ command: 'usage-error', message });
  });

  test('the usage names the command, every option and the exit codes', () => {
    expect(USAGE.split('\n')[0]).toBe('usage: cdk8s-istio check [options] PATH...');
    for (const option of ['--recursive', '--format', '--warnings-as-errors', '--namespace', '--external-host', '--external-gateway', '--external-namespace', '--istio-default-gateways', '--help', '--version']) {
      expect(USAGE).toContain(option);
    }
    expect(USAGE).toMatch(/exit codes: 0 no errors, 1 errors found, 2 usage error/);
  });

  test('the README section documents every option of the usage', () => {
    const readme = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Checking YAML from anywhere: `npx cdk8s-istio check`'));
    for (const option of USAGE.match(/--[a-z-]+/g) ?? []) expect({ option, documented: section.includes(option) }).toEqual({ option, documented: true });
  });
});
