import { InvalidHttpRouteAction } from '../../../../../lib/analysis/checks/object/virtual-service/invalid-http-route-action';
import { describeCheck, findingsOf, spec, to } from './util';

const http = (...routes: unknown[]) => spec({ http: routes });
const redirect = { uri: '/new' };
const directResponse = { status: 404 };
const delegate = { name: 'reviews-delegate', namespace: 'shop' };

describeCheck(InvalidHttpRouteAction, {
  valid: [
    ['a route', http(to())],
    ['a redirect', http({ redirect })],
    ['a direct response', http({ directResponse })],
    ['a root route that delegates, with a fault (Istio checks nothing else of a root route)', http({ delegate, fault: { abort: { httpStatus: 500 } } })],
    ['a delegate VirtualService routing to destinations', { http: [to()] }],
    ['a route with fault and rewrite', http({ ...to(), fault: { delay: { fixedDelay: '1s' } }, rewrite: { uri: '/' } })],
  ],
  invalid: [
    ['a null route', http(null), [['spec.http[0]']]],
    ['no action', http({ match: [{ uri: { prefix: '/none' } }] }), [['spec.http[0]']]],
    ['an empty route list', http({ route: [] }), [['spec.http[0]']]],
    ['route and redirect', http({ ...to(), redirect }), [['spec.http[0].route']]],
    ['redirect with fault, rewrite and directResponse', http({ redirect, fault: { abort: { httpStatus: 500 } }, rewrite: { uri: '/' }, directResponse }),
      [['spec.http[0].fault'], ['spec.http[0].rewrite'], ['spec.http[0].directResponse']]],
    ['directResponse with route and rewrite', http({ ...to(), directResponse, rewrite: { uri: '/' } }), [['spec.http[0].route'], ['spec.http[0].rewrite']]],
    ['a root route that delegates and routes', http({ delegate, ...to(), redirect }), [['spec.http[0].redirect'], ['spec.http[0].route']]],
    ['a delegate VirtualService whose route delegates again', { http: [{ delegate }] }, [['spec.http[0].delegate'], ['spec.http[0]']]],
  ],
});

test('CI0108 explains why a redirect cannot forward', () => {
  const [f] = findingsOf(InvalidHttpRouteAction, http({ ...to(), redirect }));
  expect(f.message).toBe('an HTTP route with redirect cannot also have route: the proxy answers the request itself, nothing is forwarded');
  expect(f.fix).toBe('remove spec.http[0].route, or split the route in two');
});
