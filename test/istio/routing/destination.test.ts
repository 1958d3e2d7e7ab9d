import { Chart, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { Destination } from '../../../lib/istio/routing/destination';
import { routeFindings } from './util';

function service(chart: Chart, name: string, ports: number[]): kplus.Service {
  return new kplus.Service(chart, name, { metadata: { name }, ports: ports.map((port) => ({ port })) });
}

describe('fromHost', () => {
  test('renders host, port and subset', () => {
    expect(Destination.fromHost('ratings.prod.svc.cluster.local', { port: 9080, subset: 'v1' })._toIstio({}))
      .toEqual({ host: 'ratings.prod.svc.cluster.local', port: { number: 9080 }, subset: 'v1' });
    expect(Destination.fromHost('httpbin')._toIstio({})).toEqual({ host: 'httpbin' });
  });

  test('fails (CI0125) on a bare wildcard host, a wildcard outside the first label, a port above 65535 and a subset with an underscore', () => {
    expect(routeFindings({ route: [{ destination: Destination.fromHost('*') }] })).toEqual([['CI0125', 'spec.http[0].route[0].destination.host', 'error']]);
    expect(routeFindings({ route: [{ destination: Destination.fromHost('a.*.example.com') }] })).toEqual([['CI0125', 'spec.http[0].route[0].destination.host', 'error']]);
    expect(routeFindings({ route: [{ destination: Destination.fromHost('reviews', { port: 70000, subset: 'V_2' }) }] })).toEqual([
      ['CI0125', 'spec.http[0].route[0].destination.subset', 'error'],
      ['CI0125', 'spec.http[0].route[0].destination.port.number', 'error'],
    ]);
  });

  test('accepts an uppercase subset, as Istio does', () => {
    expect(routeFindings({ route: [{ destination: Destination.fromHost('reviews', { subset: 'V2' }) }] })).toEqual([]);
  });
});

describe('fromService', () => {
  test('renders the short name in the same namespace and the FQDN across namespaces', () => {
    const chart = Testing.chart();
    const svc = new kplus.Service(chart, 'reviews', { metadata: { name: 'reviews', namespace: 'bookinfo' }, ports: [{ port: 9080 }] });
    expect(Destination.fromService(svc)._toIstio({ namespace: 'bookinfo' }).host).toBe('reviews');
    expect(Destination.fromService(svc)._toIstio({ namespace: 'front' }).host).toBe('reviews.bookinfo.svc.cluster.local');
  });

  test('renders the only port of the service', () => {
    const svc = service(Testing.chart(), 'ratings', [9080]);
    expect(Destination.fromService(svc, { subset: 'v1' })._toIstio({})).toEqual({ host: 'ratings', port: { number: 9080 }, subset: 'v1' });
  });

  test('renders the given port of a service with several ports, and none when not given', () => {
    const svc = service(Testing.chart(), 'multi', [80, 443]);
    expect(Destination.fromService(svc, { port: 443 })._toIstio({})).toEqual({ host: 'multi', port: { number: 443 } });
    // CI1004 (port required) is the cross-resource analyzer's job; here it just renders what was given
    expect(Destination.fromService(svc)._toIstio({})).toEqual({ host: 'multi' });
    expect(Destination.fromService(svc)._service).toBe(svc);
  });

  test('given no Service (plain JavaScript), renders no host and reports why instead of throwing', () => {
    // GIVEN
    const d = Destination.fromService(undefined as unknown as kplus.Service, { subset: 'v1' });
    // THEN
    expect(d._toIstio({})).toEqual({ subset: 'v1' });
    expect(routeFindings({ route: [{ destination: d }] })).toEqual([
      ['CI0019', 'spec.http[0].route[0].destination.host', 'error'],
      ['CI0125', 'spec.http[0].route[0].destination.host', 'error'],
    ]);
  });

  test('reads ports added after the destination was created', () => {
    const svc = service(Testing.chart(), 'late', []);
    const d = Destination.fromService(svc);
    svc.bind(8080);
    expect(d._toIstio({}).port).toEqual({ number: 8080 });
  });
});

describe('weighted destinations', () => {
  const a = Destination.fromHost('a');
  const b = Destination.fromHost('b');

  test('relative weights that do not sum to 100 are fine', () => {
    expect(routeFindings({ route: [{ destination: a, weight: 1 }, { destination: b, weight: 3 }] })).toEqual([]);
    expect(routeFindings({ route: [{ destination: a }] })).toEqual([]);
  });

  test('fails (CI0126) on a negative weight, and on weights of several destinations that add up to 0', () => {
    expect(routeFindings({ route: [{ destination: a, weight: 110 }, { destination: b, weight: -10 }] })).toEqual([['CI0126', 'spec.http[0].route[1].weight', 'error']]);
    expect(routeFindings({ route: [{ destination: a }, { destination: b }] })).toEqual([['CI0126', 'spec.http[0].route', 'error']]);
  });

  test('fails (CI0125) on an entry without a destination', () => {
    expect(routeFindings({ route: [{ destination: undefined as any }] })).toEqual([['CI0125', 'spec.http[0].route[0].destination', 'error']]);
  });
});
