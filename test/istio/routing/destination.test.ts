import { Chart, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { ProblemCollector } from '../../../lib/analysis/finding';
import { Destination, _validateRouteDestinations } from '../../../lib/istio/routing/destination';

function problemsOf(fn: (c: ProblemCollector) => void) {
  const c = new ProblemCollector('d');
  fn(c);
  return c.problems;
}

function service(chart: Chart, name: string, ports: number[]): kplus.Service {
  return new kplus.Service(chart, name, { metadata: { name }, ports: ports.map((port) => ({ port })) });
}

describe('fromHost', () => {
  test('renders host, port and subset', () => {
    expect(Destination.fromHost('ratings.prod.svc.cluster.local', { port: 9080, subset: 'v1' })._toIstio({}))
      .toEqual({ host: 'ratings.prod.svc.cluster.local', port: { number: 9080 }, subset: 'v1' });
    expect(Destination.fromHost('httpbin')._toIstio({})).toEqual({ host: 'httpbin' });
  });

  test('fails on a bare wildcard host', () => {
    const [p] = problemsOf((c) => Destination.fromHost('*')._validate(c));
    expect(p).toMatchObject({ code: 'CI0002', field: 'd.host', value: '*' });
  });

  test('fails on a wildcard outside the first label', () => {
    expect(problemsOf((c) => Destination.fromHost('a.*.example.com')._validate(c))[0]).toMatchObject({ code: 'CI0002', field: 'd.host' });
  });

  test('fails on a port outside 1-65535 and a subset that is not DNS-1123', () => {
    const problems = problemsOf((c) => Destination.fromHost('reviews', { port: 70000, subset: 'V_2' })._validate(c));
    expect(problems.map((p) => [p.code, p.field])).toEqual([['CI0003', 'd.port.number'], ['CI0001', 'd.subset']]);
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
    expect(problemsOf((c) => _validateRouteDestinations([{ destination: a, weight: 1 }, { destination: b, weight: 3 }], c))).toEqual([]);
    expect(problemsOf((c) => _validateRouteDestinations([{ destination: a }], c))).toEqual([]);
  });

  test('fails on a negative or fractional weight', () => {
    const problems = problemsOf((c) => _validateRouteDestinations([{ destination: a, weight: -10 }, { destination: b, weight: 2.5 }], c));
    expect(problems.map((p) => [p.code, p.field])).toEqual([['CI0011', 'd[0].weight'], ['CI0011', 'd[1].weight']]);
  });

  test('fails when all weights of several destinations are 0', () => {
    const [p] = problemsOf((c) => _validateRouteDestinations([{ destination: a, weight: 0 }, { destination: b, weight: 0 }], c));
    expect(p).toMatchObject({ code: 'CI0011', field: 'd', value: [0, 0] });
    expect(p.message).toMatch(/all destination weights are 0/);
  });

  test('fails when several destinations have no weights (Istio counts them as 0)', () => {
    const [p] = problemsOf((c) => _validateRouteDestinations([{ destination: a }, { destination: b }], c));
    expect(p).toMatchObject({ code: 'CI0011', field: 'd' });
  });

  test('fails on an entry without a destination', () => {
    const [p] = problemsOf((c) => _validateRouteDestinations([{ destination: undefined as any }], c));
    expect(p).toMatchObject({ code: 'CI0015', field: 'd[0].destination' });
  });
});
