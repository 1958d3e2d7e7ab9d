import { dest, find, inventory, synthScenario } from './util';

describe('reviews-timeout', () => {
  test('reviews to v2 with a 0.5s timeout, ratings v1 delayed 2s for everyone', () => {
    // WHEN
    const { objects } = synthScenario('reviews-timeout');
    // THEN
    expect(objects).toMatchSnapshot();
    expect(inventory(objects)).toEqual(['VirtualService/ratings', 'VirtualService/reviews']);
    expect(find(objects, 'VirtualService', 'reviews').spec.http).toEqual([{ route: [{ destination: dest('reviews', 'v2') }], timeout: '500ms' }]);
    expect(find(objects, 'VirtualService', 'ratings').spec.http).toEqual([
      { fault: { delay: { fixedDelay: '2s', percentage: { value: 100 } } }, route: [{ destination: dest('ratings', 'v1') }] },
    ]);
  });
});

describe('reviews-retries', () => {
  test('3 attempts of 2s on 5xx, gateway errors, connect failures and refused streams, within 10s', () => {
    const { objects } = synthScenario('reviews-retries');
    expect(objects).toMatchSnapshot();
    expect(find(objects, 'VirtualService', 'reviews').spec.http).toEqual([{
      route: [{ destination: dest('reviews', 'v2') }],
      timeout: '10s',
      retries: { attempts: 3, perTryTimeout: '2s', retryOn: '5xx,gateway-error,connect-failure,refused-stream' },
    }]);
  });
});

describe('httpbin-circuit-breaker', () => {
  test('httpbin with 1 connection, 1 pending request, 1 request per connection, ejection after 1 5xx; plus fortio', () => {
    // WHEN
    const { objects } = synthScenario('httpbin-circuit-breaker');
    // THEN
    expect(objects).toMatchSnapshot();
    expect(inventory(objects)).toEqual([
      'Deployment/fortio-deploy', 'Deployment/httpbin', 'DestinationRule/httpbin', 'Service/fortio', 'Service/httpbin', 'ServiceAccount/httpbin',
    ]);
    expect(find(objects, 'DestinationRule', 'httpbin').spec).toEqual({
      host: 'httpbin',
      trafficPolicy: {
        connectionPool: { tcp: { maxConnections: 1 }, http: { http1MaxPendingRequests: 1, maxRequestsPerConnection: 1 } },
        outlierDetection: { consecutive5xxErrors: 1, interval: '1s', baseEjectionTime: '180s', maxEjectionPercent: 100 },
      },
    });
  });
});

describe('httpbin-mirror', () => {
  test('all traffic to httpbin v1, 100% mirrored to v2, with subsets derived from the two Deployments', () => {
    // WHEN
    const { objects } = synthScenario('httpbin-mirror');
    // THEN
    expect(objects).toMatchSnapshot();
    expect(inventory(objects)).toEqual([
      'Deployment/curl', 'Deployment/httpbin-v1', 'Deployment/httpbin-v2', 'DestinationRule/httpbin', 'Service/curl', 'Service/httpbin',
      'ServiceAccount/curl', 'ServiceAccount/httpbin', 'VirtualService/httpbin',
    ]);
    expect(find(objects, 'DestinationRule', 'httpbin').spec.subsets).toEqual([
      { name: 'v1', labels: { version: 'v1' } },
      { name: 'v2', labels: { version: 'v2' } },
    ]);
    const http = find(objects, 'VirtualService', 'httpbin').spec.http;
    expect(http).toEqual([{
      route: [{ destination: dest('httpbin', 'v1', 8000), weight: 100 }],
      mirror: dest('httpbin', 'v2', 8000),
      mirrorPercentage: { value: 100 },
    }]);
    expect(JSON.stringify(objects)).not.toMatch(/mirror_percent|mirrorPercent"/);
  });
});
