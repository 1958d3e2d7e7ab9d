import { dest, find, inventory, synthScenario } from './util';

describe.each([
  ['reviews-50-v3', [['v1', 50], ['v3', 50]]],
  ['reviews-canary-90-10', [['v1', 90], ['v2', 10]]],
])('%s', (id, weights) => {
  test('reviews split by relative weights between the subsets', () => {
    // WHEN
    const { objects } = synthScenario(id);
    // THEN
    expect(objects).toMatchSnapshot();
    expect(inventory(objects)).toEqual(['VirtualService/reviews']);
    expect(find(objects, 'VirtualService', 'reviews').spec.http).toEqual([
      { route: weights.map(([subset, weight]) => ({ destination: dest('reviews', subset as string), weight })) },
    ]);
  });
});

describe('reviews-v3', () => {
  test('all reviews traffic to v3, with no weight rendered', () => {
    const { objects } = synthScenario('reviews-v3');
    expect(objects).toMatchSnapshot();
    expect(find(objects, 'VirtualService', 'reviews').spec.http).toEqual([{ route: [{ destination: dest('reviews', 'v3') }] }]);
  });
});
