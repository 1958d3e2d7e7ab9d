/**
 * Hand-written manifests for the cross-resource analysis tests: small builders and a valid
 * Bookinfo-like mesh that each rule test breaks in one place.
 */
import { IConstruct } from 'constructs';
import { runChecks, RunChecksOptions } from '../../lib/analysis/engine';
import { renderCharts } from '../../lib/analysis/sources/construct-tree';
import { Finding, sortFindings, SuppressedFinding } from '../../lib/analysis/finding';
import { ManifestObject } from '../../lib/analysis/manifest-object';

/** A fixture object: a manifest reported on `path`. */
export type AnalyzedObject = ManifestObject;

/** Runs every check over the objects; all unsuppressed findings sorted, and the suppressed ones. */
export function analyze(objects: readonly ManifestObject[], options: RunChecksOptions = {}): { findings: Finding[]; suppressed: SuppressedFinding[] } {
  const report = runChecks(objects, options);
  return { findings: sortFindings([...report.errors, ...report.warnings]), suppressed: report.suppressed };
}

/** A manifest as a fixture object reported on `path`. */
export function fixture(path: string, manifest: any): ManifestObject {
  const o = ManifestObject.of(manifest, { origin: { constructPath: path } });
  if (!o) throw new Error(`not a Kubernetes object: ${JSON.stringify(manifest)}`);
  return o;
}

const NET = 'networking.istio.io/v1';
const SEC = 'security.istio.io/v1';

/** One object; its path is `<namespace>/<Kind>/<name>`. */
export function obj(apiVersion: string, kind: string, name: string, namespace: string | undefined, body: Record<string, any>, labels?: Record<string, string>): AnalyzedObject {
  const metadata: Record<string, any> = { name };
  if (namespace !== undefined) metadata.namespace = namespace;
  if (labels) metadata.labels = labels;
  return fixture(`${namespace ?? 'default'}/${kind}/${name}`, { apiVersion, kind, metadata, ...body });
}

export interface ServiceOptions {
  readonly ns?: string;
  readonly ports?: Array<{ port: number; name?: string; appProtocol?: string; protocol?: string }>;
  readonly selector?: Record<string, string>;
}

export function service(name: string, options: ServiceOptions = {}): AnalyzedObject {
  return obj('v1', 'Service', name, options.ns ?? 'default', {
    spec: { ports: options.ports ?? [{ name: 'http', port: 9080 }], selector: options.selector ?? { app: name } },
  });
}

export function deployment(name: string, labels: Record<string, string>, ns = 'default', kind = 'Deployment'): AnalyzedObject {
  return obj('apps/v1', kind, name, ns, {
    spec: { selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers: [{ name: 'main', image: `docker.io/istio/examples-bookinfo-${name}:1.20.3` }] } } },
  });
}

export function namespace(name: string, labels: Record<string, string> = {}): AnalyzedObject {
  return fixture(`Namespace/${name}`, { apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels } });
}

export const vs = (name: string, spec: Record<string, any>, ns = 'default') => obj(NET, 'VirtualService', name, ns, { spec });
export const dr = (name: string, spec: Record<string, any>, ns = 'default') => obj(NET, 'DestinationRule', name, ns, { spec });
export const gateway = (name: string, spec: Record<string, any>, ns = 'default') => obj(NET, 'Gateway', name, ns, { spec });
export const serviceEntry = (name: string, spec: Record<string, any>, ns = 'default') => obj(NET, 'ServiceEntry', name, ns, { spec });
export const peerAuthentication = (name: string, spec: Record<string, any>, ns = 'default') => obj(SEC, 'PeerAuthentication', name, ns, { spec });

/** An HTTP gateway server for `hosts`. */
export function httpGateway(name: string, hosts: string[], ns = 'default'): AnalyzedObject {
  return gateway(name, { selector: { istio: 'ingressgateway' }, servers: [{ port: { number: 80, name: 'http', protocol: 'HTTP' }, hosts }] }, ns);
}

/** The Bookinfo mesh in `default` (meshed), free of cross-resource findings. */
export function bookinfo(): AnalyzedObject[] {
  const subsets = (...versions: string[]) => versions.map((v) => ({ name: v, labels: { version: v } }));
  return [
    namespace('default', { 'istio-injection': 'enabled' }),
    service('productpage'), service('details'), service('ratings'), service('reviews'),
    deployment('productpage-v1', { app: 'productpage', version: 'v1' }),
    deployment('details-v1', { app: 'details', version: 'v1' }),
    deployment('ratings-v1', { app: 'ratings', version: 'v1' }),
    deployment('reviews-v1', { app: 'reviews', version: 'v1' }),
    deployment('reviews-v2', { app: 'reviews', version: 'v2' }),
    deployment('reviews-v3', { app: 'reviews', version: 'v3' }),
    httpGateway('bookinfo-gateway', ['*']),
    vs('bookinfo', {
      hosts: ['*'],
      gateways: ['bookinfo-gateway'],
      http: [{
        match: [{ uri: { exact: '/productpage' } }, { uri: { prefix: '/static' } }, { uri: { exact: '/login' } }, { uri: { exact: '/logout' } }, { uri: { prefix: '/api/v1/products' } }],
        route: [{ destination: { host: 'productpage', port: { number: 9080 } } }],
      }],
    }),
    vs('reviews', {
      hosts: ['reviews'],
      http: [
        { match: [{ headers: { 'end-user': { exact: 'jason' } } }], route: [{ destination: { host: 'reviews', subset: 'v2' } }] },
        { route: [{ destination: { host: 'reviews', subset: 'v1' } }] },
      ],
    }),
    dr('productpage', { host: 'productpage', subsets: subsets('v1') }),
    dr('reviews', { host: 'reviews', subsets: subsets('v1', 'v2', 'v3') }),
    dr('ratings', { host: 'ratings', subsets: subsets('v1') }),
    dr('details', { host: 'details', subsets: subsets('v1') }),
  ];
}

/** Replaces the object at `path` with `replacement` (or removes it). */
export function replace(objects: AnalyzedObject[], path: string, replacement?: AnalyzedObject): AnalyzedObject[] {
  if (!objects.some((o) => o.path === path)) throw new Error(`no object at ${path}`);
  return objects.flatMap((o) => (o.path === path ? (replacement ? [replacement] : []) : [o]));
}

/** The unsuppressed findings of one code. */
export function findingsOf(objects: AnalyzedObject[], code: string, options: RunChecksOptions = {}): Finding[] {
  return analyze(objects, options).findings.filter((f) => f.code === code);
}

/** Every object rendered under `scope` (each chart's objects, in order). */
export function collectObjects(scope: IConstruct): ManifestObject[] {
  return renderCharts(scope).flatMap((c) => c.objects);
}
