/**
 * What lives outside the app, declared once on the way in (MeshApp, IstioChecks.enable, the
 * validation plugin), instead of a suppression on each object that refers to it: the same
 * declarations as `cdk8s-istio check --external-*`.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Chart, Testing } from 'cdk8s';
import type { ValidationContext as CliValidationContext } from 'cdk8s-cli/plugins';
import { ExternalDeclarations } from '../../lib/analysis/model/external';
import { Destination } from '../../lib/istio/routing/destination';
import { GatewayBinding } from '../../lib/istio/routing/gateway-binding';
import { VirtualService } from '../../lib/istio/virtual-service';
import { IstioValidation } from '../../lib/plugin/istio-validation';
import { IstioChecks } from '../../lib/synth/istio-checks';
import { MeshApp } from '../../lib/synth/mesh-app';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { ValidationContext } = require('cdk8s-cli/plugins') as { ValidationContext: typeof CliValidationContext };

const PAYMENTS: ExternalDeclarations = { hosts: ['*.payments.svc.cluster.local'], gateways: ['istio-system/public'] };

/** A VirtualService bound to a Gateway and routing to a Service that both live outside the app. */
function routes(app: App): void {
  const chart = new Chart(app, 'checkout', { namespace: 'checkout' });
  new VirtualService(chart, 'pay', {
    hosts: ['pay.example.com'],
    gateways: [GatewayBinding.fromName('istio-system/public')],
    httpRoutes: [{ route: [{ destination: Destination.fromHost('api.payments.svc.cluster.local', { port: 8080 }) }] }],
  });
}

const codes = (findings: readonly { code: string }[]) => findings.map((f) => f.code).sort();

test('MeshApp: without declarations the outside Gateway and host are errors; declared, they are not, and nothing else changes', () => {
  // GIVEN
  const undeclared = new MeshApp({ log: () => undefined });
  const declared = new MeshApp({ log: () => undefined, external: PAYMENTS });
  routes(undeclared);
  routes(declared);
  // WHEN / THEN
  expect(codes(undeclared.check().errors)).toEqual(['CI1001', 'CI1002']);
  expect(declared.check().errors).toEqual([]);
  expect(declared.check().warnings).toEqual(undeclared.check().warnings);
});

test('IstioChecks.enable: the same declarations on a plain App', () => {
  const undeclared = Testing.app();
  IstioChecks.enable(undeclared, { log: () => undefined });
  routes(undeclared);
  expect(() => Testing.synth(undeclared.charts[0])).toThrow(/CI1001[\s\S]*CI1002|CI1002[\s\S]*CI1001/);

  const declared = Testing.app();
  IstioChecks.enable(declared, { log: () => undefined, external: PAYMENTS });
  routes(declared);
  expect(Testing.synth(declared.charts[0]).map((o: any) => o.kind)).toEqual(['VirtualService']);
});

test('the validation plugin: `external` under the entry\'s properties in cdk8s.yaml', async () => {
  // GIVEN the app's manifest as the CLI hands it over
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'external-plugin-'));
  const app = Testing.app();
  routes(app);
  const file = path.join(dir, 'checkout.k8s.yaml');
  fs.writeFileSync(file, app.synthYaml());
  const run = async (props: object) => {
    const context = new ValidationContext([file], 'cdk8s-istio', '0.1.0', {}, false);
    (context.logger as any).log = () => undefined;
    await new IstioValidation(props as any).validate(context as any);
    return context.report.toJson().violations.map((v: any) => v.ruleName.split(' ')[0]).sort();
  };
  // WHEN / THEN
  expect(await run({})).toEqual(['CI1001', 'CI1002']);
  expect(await run({ external: PAYMENTS })).toEqual([]);
  fs.rmSync(dir, { recursive: true, force: true });
});

test('invalid declarations fail where they are written, naming every problem (never a check that quietly ignores them)', () => {
  expect(() => new MeshApp({ external: { hosts: ['payments'] } })).toThrow("MeshApp: invalid external declarations: external host 'payments': a short name needs its namespace");
  expect(() => IstioChecks.enable(Testing.app(), { external: { gateways: ['public'] } })).toThrow("IstioChecks.enable: invalid external declarations: external gateway 'public': not of the form <namespace>/<name>");
  expect(() => new IstioValidation({ external: 'hosts' } as any)).toThrow('IstioValidation: property external must be a map (hosts, gateways, namespaces, installedGateways), got \'hosts\'');
  expect(() => new IstioValidation({ external: { hosts: 'a.example.com' } } as any)).toThrow('IstioValidation: invalid external declarations: external hosts must be a list, each a host name, got "a.example.com"');
});
