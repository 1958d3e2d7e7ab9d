import { defineCheck } from '../../../check';
import { formatValue, Severity } from '../../../finding';
import { asRecord, eachItem, isRecord } from '../../../manifest/read';
import { numberOf, Report } from './private/fields';
import { DESTINATION_RULE_KINDS } from './private/kinds';
import { policySettings } from './private/traffic-policies';

const HASH_KEYS = ['httpHeaderName', 'httpCookie', 'useSourceIp', 'httpQueryParameterName'];
const MAGLEV_TABLE_LIMIT = 5000011;

/**
 * CI0208: consistent-hash load balancing that Istio rejects: more than one hash key or hash
 * algorithm, a cookie without a name, cookie attributes without a name or with one name twice, the
 * deprecated `minimumRingSize` together with `ringHash` or `maglev`, or a Maglev table size that
 * is unset, not below 5000011 or not prime (Envoy's rule). Warnings: `minimumRingSize` is
 * deprecated (the webhook warns too); no usable hash key (nothing is hashed, so there is no
 * session affinity), and an empty header or query parameter name, which Envoy rejects when the
 * route is pushed (both stricter than Istio). Header names are not case-sensitive here: Envoy
 * matches them in any case.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/destination-rule/#LoadBalancerSettings-ConsistentHashLB
 */
export const InvalidConsistentHash = defineCheck({
  code: 'CI0208',
  name: 'InvalidConsistentHash',
  severity: Severity.ERROR,
  counterpart: 'webhook',
  catches: 'consistent-hash load balancing with several hash keys or algorithms, an unnamed cookie or attribute, minimumRingSize with ringHash/maglev, or a bad Maglev table size',
  scope: 'object',
  kinds: DESTINATION_RULE_KINDS,
  evaluate({ object, report }) {
    for (const { settings, field } of policySettings(asRecord(object.manifest.spec))) {
      const lb = settings.loadBalancer;
      if (isRecord(lb) && isRecord(lb.consistentHash)) checkHash(report, lb.consistentHash, `${field}.loadBalancer.consistentHash`);
    }
  },
});

function checkHash(report: Report, hash: Record<string, any>, at: string): void {
  const keys = HASH_KEYS.filter((k) => hash[k] !== undefined && hash[k] !== null);
  if (keys.length > 1) {
    report({ field: at, value: keys, message: `consistentHash sets ${keys.length} hash keys (${keys.join(', ')}); Istio accepts one`, fix: `keep one of ${keys.join(', ')} in ${at}` });
  } else if (keys.length === 0 || (keys[0] === 'useSourceIp' && hash.useSourceIp !== true)) {
    report({
      field: at, value: hash, severity: Severity.WARNING,
      message: 'consistentHash has no hash key, so requests are not hashed and there is no session affinity (stricter than Istio, which accepts it)',
      fix: `set one of httpHeaderName, httpCookie, useSourceIp: true or httpQueryParameterName in ${at}`,
    });
  }
  for (const key of ['httpHeaderName', 'httpQueryParameterName']) {
    if (hash[key] === '') {
      report({
        field: `${at}.${key}`, value: '', severity: Severity.WARNING,
        message: `${key} is empty; Envoy rejects the route configuration that carries it (stricter than Istio, which accepts it)`,
        fix: `name the ${key === 'httpHeaderName' ? 'header' : 'query parameter'} to hash on in ${at}.${key}`,
      });
    }
  }
  if (isRecord(hash.httpCookie)) checkCookie(report, hash.httpCookie, `${at}.httpCookie`);

  const algorithms = ['ringHash', 'maglev'].filter((k) => hash[k] !== undefined && hash[k] !== null);
  if (algorithms.length > 1) {
    report({ field: at, value: algorithms, message: 'consistentHash sets both ringHash and maglev; Istio accepts one hash algorithm', fix: `keep ringHash or maglev in ${at}` });
  }
  const legacy = numberOf(hash.minimumRingSize);
  if (legacy !== undefined && legacy !== 0) {
    if (algorithms.length > 0) {
      report({
        field: `${at}.minimumRingSize`, value: legacy, message: `the deprecated minimumRingSize cannot be combined with ${algorithms.join(' or ')}`,
        fix: `remove ${at}.minimumRingSize${algorithms.includes('ringHash') ? ` and set ${at}.ringHash.minimumRingSize instead` : ''}`,
      });
    } else {
      report({
        field: `${at}.minimumRingSize`, value: legacy, severity: Severity.WARNING, message: 'consistentHash minimumRingSize is deprecated',
        fix: `move it to ${at}.ringHash.minimumRingSize (in code: LoadBalancer.consistentHash({ minimumRingSize }) renders it there)`,
      });
    }
  }
  if (isRecord(hash.maglev)) checkMaglev(report, hash.maglev, `${at}.maglev`);
}

function checkCookie(report: Report, cookie: Record<string, any>, at: string): void {
  if (cookie.name === undefined || cookie.name === null || cookie.name === '') {
    report({ field: `${at}.name`, value: cookie.name, message: 'the hash cookie has no name', fix: `set ${at}.name to the cookie to hash on, such as 'session'` });
  }
  const names = new Set<string>();
  eachItem(cookie.attributes, `${at}.attributes`, (attribute, field) => {
    if (!isRecord(attribute)) return;
    const name = attribute.name;
    if (name === undefined || name === null || name === '') {
      report({ field: `${field}.name`, value: name, message: 'a cookie attribute has no name', fix: `set ${field}.name, such as 'SameSite', or remove the attribute` });
    } else if (typeof name === 'string') {
      if (names.has(name)) report({ field: `${field}.name`, value: name, message: `cookie attribute ${formatValue(name)} is set twice`, fix: `remove ${field}, or merge it with the first ${formatValue(name)}` });
      names.add(name);
    }
  });
}

function checkMaglev(report: Report, maglev: Record<string, any>, at: string): void {
  const size = numberOf(maglev.tableSize) ?? (maglev.tableSize === undefined || maglev.tableSize === null ? 0 : undefined);
  if (size === undefined || !Number.isInteger(size) || size < 0) return; // the CRD schema reports the type and sign
  const field = `${at}.tableSize`;
  const fix = `set ${field} to a prime below ${MAGLEV_TABLE_LIMIT}, such as 65537 (Envoy's default)`;
  if (size === 0) {
    report({ field, value: maglev.tableSize, message: 'maglev needs a tableSize', fix });
    return;
  }
  const problems = [size >= MAGLEV_TABLE_LIMIT ? `below ${MAGLEV_TABLE_LIMIT}` : undefined, isPrime(size) ? undefined : 'a prime number'].filter((p) => p);
  if (problems.length > 0) report({ field, value: size, message: `maglev tableSize must be ${problems.join(' and ')}, got ${size}`, fix });
}

/** Envoy's primality test, which Istio copies (so 1 counts as prime, as there). */
function isPrime(x: number): boolean {
  if (x > 0 && x < 4) return true;
  if (x % 2 === 0) return false;
  const limit = Math.floor(Math.sqrt(x));
  for (let factor = 3; factor <= limit; factor += 2) {
    if (x % factor === 0) return false;
  }
  return true;
}
