/**
 * The DestinationRule checks see whatever a user wrote (YAML, a JSON patch, a cast): none may
 * throw, whatever value sits at any field. A throw would surface as a `(check)` finding.
 */
import { DESTINATION_RULE_CHECKS } from '../../../../../lib/analysis/checks/object/destination-rule';
import { checkObjects } from '../../../../../lib/analysis/engine';
import { ManifestObject } from '../../../../../lib/analysis/manifest-object';
import { destinationRule } from './helpers';

const ODD_VALUES: unknown[] = [undefined, null, 0, -1, 1.5, 'x', '', true, [], [null], ['x'], {}, { a: null }, { '': 1 }];

const POLICY = {
  loadBalancer: {
    simple: 'RANDOM',
    consistentHash: { httpCookie: { name: 'c', ttl: '1s', attributes: [{ name: 'a' }] }, ringHash: { minimumRingSize: 1 }, maglev: { tableSize: 7 }, minimumRingSize: 2 },
    localityLbSetting: { distribute: [{ from: 'a', to: { b: 100 } }], failover: [{ from: 'a', to: 'b' }], failoverPriority: ['x'] },
    warmup: { duration: '1s', minimumPercent: 1, aggression: 1 },
  },
  connectionPool: { tcp: { maxConnections: 1, connectTimeout: '1s', idleTimeout: '1s', maxConnectionDuration: '1s', tcpKeepalive: { time: '1s', interval: '1s' } }, http: { maxRetries: 1, idleTimeout: '1s', h2UpgradePolicy: 'UPGRADE', useClientProtocol: true } },
  outlierDetection: { interval: '1s', baseEjectionTime: '1s', maxEjectionPercent: 1, consecutiveLocalOriginFailures: 1, consecutiveErrors: 1 },
  tls: { mode: 'MUTUAL', credentialName: 'configmap://a/b', caCertificates: 'c', subjectAltNames: ['s'], insecureSkipVerify: true },
  tunnel: { protocol: 'CONNECT', targetHost: 'h', targetPort: 1 },
  proxyProtocol: { version: 'V1' },
};

const FULL = {
  host: 'reviews',
  exportTo: ['.', '*'],
  workloadSelector: { matchLabels: { app: 'a' } },
  trafficPolicy: { ...POLICY, portLevelSettings: [{ port: { number: 80 }, ...POLICY }] },
  subsets: [{ name: 'v1', labels: { version: 'v1' }, trafficPolicy: POLICY }],
};

/** Every field path of `value`, as lists of keys and indexes. */
function paths(value: unknown, prefix: Array<string | number> = []): Array<Array<string | number>> {
  if (value === null || typeof value !== 'object') return [];
  const entries: Array<[string | number, unknown]> = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value as object);
  return entries.flatMap(([k, v]) => [[...prefix, k], ...paths(v, [...prefix, k])]);
}

function withValue(path: Array<string | number>, odd: unknown): any {
  const spec = JSON.parse(JSON.stringify(FULL));
  let node = spec;
  for (const key of path.slice(0, -1)) node = node[key];
  node[path[path.length - 1]] = odd;
  return spec;
}

test('no DestinationRule check throws, whatever value is at any field', () => {
  const objects: ManifestObject[] = [];
  for (const odd of ODD_VALUES) {
    objects.push(ManifestObject.of(destinationRule(odd))!);
    for (const path of paths(FULL)) objects.push(ManifestObject.of(destinationRule(withValue(path, odd)))!);
  }
  const crashes = checkObjects(objects, DESTINATION_RULE_CHECKS).map((r) => r.finding).filter((f) => f.field === '(check)');
  expect(objects.length).toBeGreaterThan(1000);
  expect(crashes.map((f) => f.message)).toEqual([]);
});
