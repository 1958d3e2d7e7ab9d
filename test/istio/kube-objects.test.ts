/**
 * The constructs take the Kubernetes objects of any cdk8s-plus version: this file type-checks
 * (`npm test` runs tsc over the tests) and renders the same app from cdk8s-plus-27 and
 * cdk8s-plus-33 objects. With a cdk8s-plus-27 class in a public signature, the cdk8s-plus-33
 * half does not compile: `Service` of cdk8s-plus-33 is not assignable to `Service` of
 * cdk8s-plus-27 (their protected and private members have separate declarations).
 */
import { App, Chart } from 'cdk8s';
import * as kplus27 from 'cdk8s-plus-27';
import * as kplus33 from 'cdk8s-plus-33';
import {
  AuthorizationPolicy, Destination, DestinationRule, IServiceAccountLike, IServiceLike, IWorkloadLike, MeshApp, Sidecar, Source,
  Subset, VirtualService, WorkloadSelector,
} from '../../lib';

/** The shop's Kubernetes objects: payments v1 and v2 behind one Service, and a caller's service account. */
interface ShopObjects {
  readonly app: MeshApp;
  readonly chart: Chart;
  readonly payments: IServiceLike;
  readonly versions: IWorkloadLike[];
  readonly checkout: IServiceAccountLike;
}

function objects27(): ShopObjects {
  const app = new MeshApp({ outdir: '/nonexistent', log: () => undefined });
  const chart = new Chart(app, 'shop', { namespace: 'shop' });
  const payments = new kplus27.Service(chart, 'payments', { metadata: { name: 'payments' }, ports: [{ port: 8080, name: 'http' }] });
  payments.selectLabel('app', 'payments');
  const checkout = new kplus27.ServiceAccount(chart, 'checkout-sa', { metadata: { name: 'checkout' } });
  const versions = ['v1', 'v2'].map((version) => {
    const d = new kplus27.Deployment(chart, `payments-${version}`, {
      metadata: { name: `payments-${version}` }, select: false, replicas: 1,
      podMetadata: { labels: { app: 'payments', version } },
      containers: [{ image: `example/payments:${version}`, ports: [{ number: 8080 }] }],
    });
    d.select(kplus27.LabelSelector.of({ labels: { app: 'payments', version } }));
    return d;
  });
  return { app, chart, payments, versions, checkout };
}

function objects33(): ShopObjects {
  const app = new MeshApp({ outdir: '/nonexistent', log: () => undefined });
  const chart = new Chart(app, 'shop', { namespace: 'shop' });
  const payments = new kplus33.Service(chart, 'payments', { metadata: { name: 'payments' }, ports: [{ port: 8080, name: 'http' }] });
  payments.selectLabel('app', 'payments');
  const checkout = new kplus33.ServiceAccount(chart, 'checkout-sa', { metadata: { name: 'checkout' } });
  const versions = ['v1', 'v2'].map((version) => {
    const d = new kplus33.Deployment(chart, `payments-${version}`, {
      metadata: { name: `payments-${version}` }, select: false, replicas: 1,
      podMetadata: { labels: { app: 'payments', version } },
      containers: [{ image: `example/payments:${version}`, ports: [{ number: 8080 }] }],
    });
    d.select(kplus33.LabelSelector.of({ labels: { app: 'payments', version } }));
    return d;
  });
  // the constructs take cdk8s-plus-33 objects directly, too
  DestinationRule.forService(new Chart(app, 'direct', { namespace: 'shop' }), 'direct-rule', payments, { metadata: { name: 'direct' } })
    .addSubset(Subset.fromWorkload('first', versions[0]));
  WorkloadSelector.fromService(payments);
  Source.fromServiceAccounts(checkout);
  Destination.fromService(payments);
  return { app, chart, payments, versions, checkout };
}

/** The routes, subsets, policies and Sidecar of the shop, on its objects. */
function shop({ app, chart, payments, versions, checkout }: ShopObjects): MeshApp {
  const rule = DestinationRule.forService(chart, 'payments-rule', payments);
  for (const [i, w] of versions.entries()) rule.addSubset(Subset.fromWorkload(`v${i + 1}`, w));
  VirtualService.forService(chart, 'payments-routes', payments, {
    httpRoutes: [{ route: [
      { destination: Destination.fromService(payments, { subset: 'v1' }), weight: 90 },
      { destination: Destination.fromService(payments, { subset: 'v2' }), weight: 10 },
    ] }],
  });
  new AuthorizationPolicy(chart, 'payments-callers', {
    selector: WorkloadSelector.fromService(payments),
    rules: [{ from: [Source.fromServiceAccounts(checkout)] }],
  });
  new AuthorizationPolicy(chart, 'payments-v1-only', { selector: WorkloadSelector.fromWorkload(versions[0]) });
  new Sidecar(chart, 'default', { egress: [{ hosts: [payments, 'istio-system/*'] }] });
  return app;
}

/** The Istio objects of an app, as rendered. */
function istioObjects(app: App) {
  return app.charts.filter((c) => c.node.id === 'shop').flatMap((c) => c.toJson()).filter((o) => o.apiVersion.includes('istio.io'));
}

test('cdk8s-plus-27 and cdk8s-plus-33 objects give the same Istio objects, and every check passes', () => {
  // GIVEN / WHEN
  const from27 = shop(objects27());
  const from33 = shop(objects33());

  // THEN
  expect(from33.check().errors).toEqual([]);
  expect(from27.check().errors).toEqual([]);
  expect(istioObjects(from33)).toEqual(istioObjects(from27));
  const byName = (name: string) => istioObjects(from33).find((o) => o.metadata.name === name);
  expect(byName('payments').spec).toEqual(expect.objectContaining({ host: 'payments', subsets: [{ name: 'v1', labels: { version: 'v1' } }, { name: 'v2', labels: { version: 'v2' } }] }));
  expect(byName('payments-callers').spec).toEqual({
    selector: { matchLabels: { app: 'payments' } },
    rules: [{ from: [{ source: { principals: ['cluster.local/ns/shop/sa/checkout'] } }] }],
  });
  expect(byName('payments-v1-only').spec.selector).toEqual({ matchLabels: { app: 'payments', version: 'v1' } });
  expect(byName('default').spec.egress[0].hosts).toEqual(['shop/payments.shop.svc.cluster.local', 'istio-system/*']);
});
