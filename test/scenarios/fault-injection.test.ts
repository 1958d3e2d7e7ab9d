import { dest, find, inventory, JASON_MATCH, synthScenario } from './util';

describe('ratings-delay-jason', () => {
  test('jason gets a fixed 7s delay on 100% of requests to ratings v1; others go to v1 undelayed', () => {
    // WHEN
    const { objects } = synthScenario('ratings-delay-jason');
    // THEN
    expect(objects).toMatchSnapshot();
    expect(inventory(objects)).toEqual(['VirtualService/ratings']);
    expect(find(objects, 'VirtualService', 'ratings').spec.http).toEqual([
      { match: JASON_MATCH, fault: { delay: { fixedDelay: '7s', percentage: { value: 100 } } }, route: [{ destination: dest('ratings', 'v1') }] },
      { route: [{ destination: dest('ratings', 'v1') }] },
    ]);
  });
});

describe('ratings-abort-jason', () => {
  test('jason gets HTTP 500 on 100% of requests to ratings; others go to v1', () => {
    // WHEN
    const { objects } = synthScenario('ratings-abort-jason');
    // THEN
    expect(objects).toMatchSnapshot();
    expect(find(objects, 'VirtualService', 'ratings').spec.http).toEqual([
      { match: JASON_MATCH, fault: { abort: { httpStatus: 500, percentage: { value: 100 } } }, route: [{ destination: dest('ratings', 'v1') }] },
      { route: [{ destination: dest('ratings', 'v1') }] },
    ]);
  });
});
