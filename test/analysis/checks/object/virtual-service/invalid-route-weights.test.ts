import { InvalidRouteWeights } from '../../../../../lib/analysis/checks/object/virtual-service/invalid-route-weights';
import { describeCheck, findingsOf, spec } from './util';

const weights = (...w: Array<number | undefined>) => spec({ http: [{ route: w.map((weight, i) => ({ destination: { host: 'reviews', subset: `v${i}` }, ...(weight === undefined ? {} : { weight }) })) }] });

describeCheck(InvalidRouteWeights, {
  valid: [
    ['weights that do not add up to 100 (they are relative)', weights(1, 2)],
    ['a single destination with weight 0', weights(0)],
    ['one positive weight and a missing one', weights(100, undefined)],
  ],
  invalid: [
    ['a negative weight', weights(110, -10), [['spec.http[0].route[1].weight']]],
    ['fractional weights', weights(66.6, 33.4), [['spec.http[0].route[0].weight'], ['spec.http[0].route[1].weight']]],
    ['every weight 0', weights(0, 0), [['spec.http[0].route']]],
    ['missing weights on two destinations', weights(undefined, undefined), [['spec.http[0].route']]],
    ['a negative TCP weight', { hosts: ['mongo'], tcp: [{ route: [{ destination: { host: 'mongo' }, weight: -1 }] }] }, [['spec.tcp[0].route[0].weight']]],
  ],
});

test('CI0126 explains a missing weight counts as 0', () => {
  expect(findingsOf(InvalidRouteWeights, weights(undefined, 0))[0].message)
    .toBe('the weights of the destinations add up to 0 (a missing weight counts as 0), so no traffic can be sent');
});
