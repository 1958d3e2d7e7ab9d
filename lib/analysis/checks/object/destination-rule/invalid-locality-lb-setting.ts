import { defineCheck } from '../../../check';
import { formatValue, Severity } from '../../../finding';
import { asRecord, eachItem, isRecord, keyField } from '../../../manifest/read';
import { numberOf, Report } from './private/fields';
import { DESTINATION_RULE_KINDS } from './private/kinds';
import { policySettings } from './private/traffic-policies';

// labels Istio refuses in failoverPriority when failover is also set (pkg/config/validation/agent)
const TOPOLOGY_LABELS = new Set(['topology.kubernetes.io/region', 'topology.kubernetes.io/zone', 'topology.istio.io/subzone']);
const LOCALITY_FIX = 'write a locality as region, region/zone or region/zone/subzone, with at most one \'*\' at the end, each locality once';

/**
 * CI0209: locality load balancing that Istio's webhook rejects (`ValidateLocalityLbSetting`): both
 * `distribute` and `failover`; `failover` with a topology label in `failoverPriority`; a
 * `distribute` weight outside 1-100 or weights of one source not summing to 100; a locality with
 * an empty part, more than one `*` or a `*` before the end, or overlapping an earlier one; a
 * failover to the same region, or naming a zone or a wildcard. Failover without outlier detection
 * on the same policy never happens, which the webhook warns about: a warning here too.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/destination-rule/#LocalityLoadBalancerSetting
 */
export const InvalidLocalityLbSetting = defineCheck({
  code: 'CI0209',
  name: 'InvalidLocalityLbSetting',
  severity: Severity.ERROR,
  counterpart: 'webhook',
  catches: 'locality load balancing with distribute and failover, bad weights or localities, a failover within one region, or topology labels with failover; a warning for failover without outlier detection',
  scope: 'object',
  kinds: DESTINATION_RULE_KINDS,
  evaluate({ object, report }) {
    for (const { settings, field } of policySettings(asRecord(object.manifest.spec))) {
      const lb = settings.loadBalancer;
      if (!isRecord(lb) || !isRecord(lb.localityLbSetting)) continue;
      const hasOutlierDetection = settings.outlierDetection !== undefined && settings.outlierDetection !== null;
      checkLocality(report, lb.localityLbSetting, `${field}.loadBalancer.localityLbSetting`, hasOutlierDetection, field);
    }
  },
});

function checkLocality(report: Report, locality: Record<string, any>, at: string, hasOutlierDetection: boolean, policyField: string): void {
  const distribute = Array.isArray(locality.distribute) ? locality.distribute : [];
  const failover = Array.isArray(locality.failover) ? locality.failover : [];
  const failoverPriority = Array.isArray(locality.failoverPriority) ? locality.failoverPriority : [];
  if (distribute.length > 0 && failover.length > 0) {
    report({ field: at, value: locality, message: 'locality load balancing sets both distribute and failover; Istio accepts one', fix: `keep either distribute or failover in ${at}` });
  }
  if (failover.length > 0) {
    eachItem(failoverPriority, `${at}.failoverPriority`, (label, field) => {
      if (TOPOLOGY_LABELS.has(label)) {
        report({
          field, value: label, message: `failoverPriority cannot use the topology label ${formatValue(label)} together with failover`,
          fix: `remove ${field}, or remove ${at}.failover and rely on failoverPriority alone`,
        });
      }
    });
  }

  const sources: Array<{ locality: unknown; field: string }> = [];
  eachItem(distribute, `${at}.distribute`, (entry, field) => {
    if (!isRecord(entry)) return;
    sources.push({ locality: entry.from, field: `${field}.from` });
    const targets: Array<{ locality: unknown; field: string }> = [];
    let total = 0;
    let weightsValid = true;
    for (const [to, raw] of Object.entries(asRecord(entry.to))) {
      const toField = keyField(`${field}.to`, to);
      targets.push({ locality: to, field: toField });
      const weight = numberOf(raw);
      if (weight === undefined) {
        weightsValid = false;
        continue; // the CRD schema reports the type
      }
      if (weight <= 0 || weight > 100) {
        weightsValid = false;
        report({ field: toField, value: weight, message: `locality weight of ${formatValue(to)} must be from 1 to 100, got ${weight}`, fix: `give each locality in ${field}.to a weight from 1 to 100, summing to 100` });
      }
      total += weight;
    }
    if (weightsValid && total !== 100) {
      report({ field: `${field}.to`, value: entry.to, message: `locality weights from ${formatValue(entry.from)} sum to ${total}, not 100`, fix: `make the weights in ${field}.to sum to 100` });
    }
    reportLocalities(report, targets);
  });
  reportLocalities(report, sources);

  if ((failover.length > 0 || failoverPriority.length > 0) && !hasOutlierDetection) {
    report({
      field: `${policyField}.outlierDetection`, severity: Severity.WARNING,
      message: 'locality failover is configured without outlier detection on the same policy, so no endpoint is ever unhealthy and failover never happens',
      fix: `add ${policyField}.outlierDetection, for example consecutive5xxErrors: 5 (in code: OutlierDetection.of)`,
    });
  }

  eachItem(failover, `${at}.failover`, (entry, field) => {
    if (!isRecord(entry)) return;
    const from = typeof entry.from === 'string' ? entry.from : '';
    const to = typeof entry.to === 'string' ? entry.to : '';
    if (from === to) {
      report({ field: `${field}.to`, value: entry.to, message: `locality failover from ${formatValue(from)} to the same region does nothing`, fix: `set ${field}.to to another region` });
    }
    for (const [key, value] of [['from', from], ['to', to]] as const) {
      if (value.includes('/')) {
        report({ field: `${field}.${key}`, value, message: `locality failover ${key} ${formatValue(value)} names a zone; failover is between regions`, fix: `set ${field}.${key} to a region only, such as 'us-east'` });
      } else if (value.includes('*')) {
        report({ field: `${field}.${key}`, value, message: `locality failover ${key} ${formatValue(value)} has a wildcard '*'`, fix: `set ${field}.${key} to a region only, such as 'us-east'` });
      }
    }
  });
}

/**
 * Istio's validateLocalities over one list (the `to` keys of one distribute entry, or every
 * `from`): it stops at the first problem, which is reported on that locality.
 */
function reportLocalities(report: Report, localities: Array<{ locality: unknown; field: string }>): void {
  const regions = new Map<string, Map<string, Map<string, boolean>>>();
  for (const { locality, field } of localities) {
    if (typeof locality !== 'string') continue;
    const problem = localityProblem(regions, locality);
    if (problem) {
      report({ field, value: locality, message: `locality ${formatValue(locality)} ${problem}`, fix: LOCALITY_FIX });
      return;
    }
  }
}

function localityProblem(regions: Map<string, Map<string, Map<string, boolean>>>, locality: string): string | undefined {
  const stars = locality.split('*').length - 1;
  if (stars > 1 || (stars === 1 && !locality.endsWith('*'))) return 'may have one \'*\', at the end only';
  const overlap = 'overlaps an earlier locality of the same list';
  if (regions.has('*')) return overlap;
  const items = splitN(locality, '/', 3);
  if (items.some((item) => item === '')) return 'has an empty region, zone or subzone';
  const [region, zone, subzone] = items;
  const zones = regions.get(region);
  if (items.length === 1) {
    if (zones) return overlap;
    regions.set(region, new Map([['*', new Map([['*', true]])]]));
  } else if (items.length === 2) {
    if (zones) {
      if (zones.has('*') || zones.has(zone)) return overlap;
      zones.set(zone, new Map([['*', true]]));
    } else {
      regions.set(region, new Map([[zone, new Map([['*', true]])]]));
    }
  } else if (zones) {
    if (zones.has('*')) return overlap;
    const subzones = zones.get(zone);
    if (subzones) {
      if (subzones.get('*') || subzones.get(subzone)) return overlap;
      subzones.set(subzone, true);
    } else {
      zones.set(zone, new Map([[subzone, true]]));
    }
  } else {
    regions.set(region, new Map([[zone, new Map([[subzone, true]])]]));
  }
  return undefined;
}

/** Go's strings.SplitN: at most `n` parts, the last holding the rest. */
function splitN(value: string, separator: string, n: number): string[] {
  const parts = value.split(separator);
  return parts.length <= n ? parts : [...parts.slice(0, n - 1), parts.slice(n - 1).join(separator)];
}
