import { dest, find, inventory, JASON_MATCH, synthScenario } from './util';

describe('all-v1', () => {
  test('every Bookinfo service to its v1 subset, one VirtualService per host named after it', () => {
    // WHEN
    const { objects } = synthScenario('all-v1');
    // THEN
    expect(objects).toMatchSnapshot();
    expect(inventory(objects)).toEqual(['VirtualService/details', 'VirtualService/productpage', 'VirtualService/ratings', 'VirtualService/reviews']);
    for (const host of ['details', 'productpage', 'ratings', 'reviews']) {
      const vs = find(objects, 'VirtualService', host);
      expect(vs.spec).toEqual({ hosts: [host], http: [{ route: [{ destination: dest(host, 'v1') }] }] });
    }
  });
});

describe('reviews-jason-v2', () => {
  test('end-user exactly jason goes to v2, everything else to v1, in that order', () => {
    // WHEN
    const { objects } = synthScenario('reviews-jason-v2');
    // THEN
    expect(objects).toMatchSnapshot();
    expect(inventory(objects)).toEqual(['VirtualService/reviews']);
    expect(find(objects, 'VirtualService', 'reviews').spec.http).toEqual([
      { match: JASON_MATCH, route: [{ destination: dest('reviews', 'v2') }] },
      { route: [{ destination: dest('reviews', 'v1') }] },
    ]);
  });
});
