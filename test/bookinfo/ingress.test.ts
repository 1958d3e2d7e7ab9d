import { Testing } from 'cdk8s';
import { BookinfoIngress } from '../../lib/bookinfo/ingress';
import { BookinfoWorkloads } from '../../lib/bookinfo/workloads';
import { schemaProblems } from '../../lib/analysis/crd/schema';
import { describeWithShared, readUpstream } from '../util/shared';

function synthIngress(props: Partial<ConstructorParameters<typeof BookinfoIngress>[2]> = {}) {
  const app = Testing.app();
  const workloads = new BookinfoWorkloads(app, 'workloads');
  const ingress = new BookinfoIngress(app, 'ingress', { workloads, ...props });
  return { ingress, out: Testing.synth(ingress) };
}

describe('BookinfoIngress', () => {
  test('snapshot', () => {
    expect(synthIngress().out).toMatchSnapshot();
  });

  test('the gateway serves HTTP on 8080 for every host at the default ingress gateway', () => {
    // WHEN
    const { out } = synthIngress();
    // THEN
    const gw = out.find((o) => o.kind === 'Gateway');
    expect(gw.apiVersion).toBe('networking.istio.io/v1');
    expect(gw.metadata).toEqual({ name: 'bookinfo-gateway', namespace: 'bookinfo' });
    expect(gw.spec).toEqual({
      selector: { istio: 'ingressgateway' },
      servers: [{ port: { number: 8080, name: 'http', protocol: 'HTTP' }, hosts: ['*'] }],
    });
  });

  test('the route matches are exactly the five upstream ones, in order, with their match types', () => {
    // WHEN
    const { out } = synthIngress();
    // THEN
    const vs = out.find((o) => o.kind === 'VirtualService');
    expect(vs.metadata.name).toBe('bookinfo');
    expect(vs.spec.gateways).toEqual(['bookinfo-gateway']);
    expect(vs.spec.hosts).toEqual(['*']);
    expect(vs.spec.http).toHaveLength(1);
    expect(vs.spec.http[0].match).toEqual([
      { uri: { exact: '/productpage' } },
      { uri: { prefix: '/static' } },
      { uri: { exact: '/login' } },
      { uri: { exact: '/logout' } },
      { uri: { prefix: '/api/v1/products' } },
    ]);
  });

  test('the destination is the productpage Service object, port 9080', () => {
    // WHEN
    const { out, ingress } = synthIngress();
    // THEN
    const vs = out.find((o) => o.kind === 'VirtualService');
    expect(vs.spec.http[0].route).toEqual([{ destination: { host: 'productpage', port: { number: 9080 } } }]);
    expect(ingress.virtualService.name).toBe('bookinfo');
  });

  test('a custom selector, port and host flow into both objects', () => {
    // WHEN
    const { out } = synthIngress({ gatewaySelector: { app: 'my-gw' }, port: 80, hosts: ['bookinfo.example.com'] });
    // THEN
    const gw = out.find((o) => o.kind === 'Gateway');
    const vs = out.find((o) => o.kind === 'VirtualService');
    expect(gw.spec.selector).toEqual({ app: 'my-gw' });
    expect(gw.spec.servers[0].port.number).toBe(80);
    expect(gw.spec.servers[0].hosts).toEqual(['bookinfo.example.com']);
    expect(vs.spec.hosts).toEqual(['bookinfo.example.com']);
  });

  test('every object validates against the Istio 1.30.3 CRD schema', () => {
    const { out } = synthIngress();
    for (const o of out) expect(schemaProblems(o)).toEqual([]);
  });
});

describeWithShared(['samples/bookinfo/networking/bookinfo-gateway.yaml'])('BookinfoIngress conforms to upstream bookinfo-gateway.yaml', () => {
  test('the same Gateway and VirtualService specs, by kind and name', () => {
    // GIVEN
    const upstream = readUpstream('samples/bookinfo/networking/bookinfo-gateway.yaml');
    // WHEN
    const { out } = synthIngress();
    // THEN
    expect(out.map((o) => `${o.kind}/${o.metadata.name}`).sort()).toEqual(upstream.map((o) => `${o.kind}/${o.metadata.name}`).sort());
    for (const u of upstream) {
      const ours = out.find((o) => o.kind === u.kind && o.metadata.name === u.metadata.name);
      expect(ours.apiVersion).toBe(u.apiVersion);
      expect(ours.spec).toEqual(u.spec);
    }
  });
});
