// A generated mesh for `npm run bench -- --scale`, built with the public API the way a platform
// team writes one: per service a Service, Deployments v1 and v2, a ServiceAccount, a
// DestinationRule with subsets derived from the Deployments, a VirtualService with a header match
// and a 90/10 split, and an AuthorizationPolicy; plus one Gateway and a gateway VirtualService with
// a prefix per service. Seven objects per service, two more for the ingress.
import { App, Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import {
  AuthorizationPolicy, Destination, DestinationRule, Gateway, GatewayBinding, GatewayServer, HttpMatch, HttpRouteOptions, Source,
  StringMatch, Subset, VirtualService, WorkloadSelector,
} from '../../lib';

/** How the generated mesh is laid out in charts. */
export type Layout = 'single' | 'per-service';

/** The number of objects a mesh of `services` services has. */
export function objectCount(services: number): number {
  return services * 7 + 3; // + Namespace, Gateway, gateway VirtualService
}

/** The number of services that gives about `objects` objects. */
export function servicesFor(objects: number): number {
  return Math.max(1, Math.round((objects - 3) / 7));
}

/** Builds the mesh into `app`: a `mesh` namespace, `services` services, one ingress. */
export function buildMesh(app: App, services: number, layout: Layout): void {
  const namespace = 'mesh';
  const base = new Chart(app, 'base', { namespace });
  new kplus.Namespace(base, 'namespace', { metadata: { name: namespace, labels: { 'istio-injection': 'enabled' } } });
  const gateway = new Gateway(base, 'ingress', { servers: [GatewayServer.http({ port: 8080, name: 'http', hosts: ['shop.example.com'] })] });
  const ingressRoutes: HttpRouteOptions[] = [];
  for (let i = 0; i < services; i++) {
    const name = `svc-${String(i).padStart(5, '0')}`;
    const chart = layout === 'single' ? base : new Chart(app, name, { namespace });
    const service = addService(chart, name);
    ingressRoutes.push({ match: [HttpMatch.prefix(`/${name}`)], route: [{ destination: Destination.fromService(service, { subset: 'v1' }) }] });
  }
  new VirtualService(base, 'shop', { hosts: ['shop.example.com'], gateways: [GatewayBinding.fromGateway(gateway)], httpRoutes: ingressRoutes });
}

function addService(chart: Chart, name: string): kplus.Service {
  const account = new kplus.ServiceAccount(chart, `${name}-sa`, { metadata: { name }, automountToken: false });
  const deployments = ['v1', 'v2'].map((version) => {
    const labels = { app: name, version };
    const d = new kplus.Deployment(chart, `${name}-${version}`, {
      metadata: { name: `${name}-${version}` },
      select: false,
      replicas: 1,
      serviceAccount: account,
      podMetadata: { labels },
      containers: [{ image: `registry.example.com/${name}:${version}`, portNumber: 8080, securityContext: { ensureNonRoot: false, readOnlyRootFilesystem: false } }],
    });
    d.select(kplus.LabelSelector.of({ labels }));
    return d;
  });
  const service = new kplus.Service(chart, name, { metadata: { name }, ports: [{ port: 8080, name: 'http' }] });
  service.selectLabel('app', name);
  DestinationRule.forService(chart, `${name}-rule`, service, {
    subsets: [Subset.fromWorkload('v1', deployments[0]), Subset.fromWorkload('v2', deployments[1])],
  });
  VirtualService.forService(chart, `${name}-routes`, service, {
    httpRoutes: [
      { match: [HttpMatch.header('x-canary', StringMatch.exact('true'))], route: [{ destination: Destination.fromService(service, { subset: 'v2' }) }] },
      {
        route: [
          { destination: Destination.fromService(service, { subset: 'v1' }), weight: 90 },
          { destination: Destination.fromService(service, { subset: 'v2' }), weight: 10 },
        ],
      },
    ],
  });
  new AuthorizationPolicy(chart, `${name}-policy`, {
    selector: WorkloadSelector.fromLabels({ app: name }),
    rules: [{ from: [Source.fromNamespaces('mesh')] }],
  });
  return service;
}
