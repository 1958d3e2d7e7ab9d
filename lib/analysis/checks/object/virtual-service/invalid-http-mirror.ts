import { defineCheck } from '../../../check';
import { formatValue, Severity } from '../../../finding';
import { asArray, eachItem, isRecord } from '../../../manifest/read';
import { eachHttpRoute, isSet, VIRTUAL_SERVICE_KINDS, vsContext } from './private/walk';

/** A mirror percentage outside 0-100 (Istio's webhook: no lower precision limit, unlike faults). */
function outOfRange(p: unknown): number | undefined {
  if (!isRecord(p) || typeof p.value !== 'number') return undefined;
  return p.value < 0 || p.value > 100 ? p.value : undefined;
}

/**
 * CI0124: mirroring that Istio's webhook rejects: both `mirror` and `mirrors`; a
 * `mirrorPercentage` or a `mirrors[].percentage` outside 0-100; a deprecated `mirrorPercent` above
 * 100; a `mirrors` entry that is null or has no destination. It warns, as the webhook does, about
 * the deprecated `mirrorPercent`, and about a `mirrorPercentage` without `mirror` (it has no
 * effect; stricter than Istio). Destination hosts, ports and subsets are CI0125's.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/virtual-service/#HTTPMirrorPolicy
 */
export const InvalidHttpMirror = defineCheck({
  code: 'CI0124',
  name: 'InvalidHttpMirror',
  severity: Severity.ERROR,
  counterpart: 'webhook',
  catches: 'both mirror and mirrors, a mirror percentage outside 0-100, or a mirrors entry without destination',
  scope: 'object',
  kinds: VIRTUAL_SERVICE_KINDS,
  evaluate({ object, report }) {
    eachHttpRoute(vsContext(object.manifest).spec, (route, at) => {
      if (isSet(route.mirror) && asArray(route.mirrors).length > 0) {
        report({ field: `${at}.mirrors`, value: route.mirrors, message: 'the route has both mirror and mirrors', fix: `move ${at}.mirror into ${at}.mirrors as { destination, percentage }` });
      }
      for (const key of ['mirrorPercent', 'mirror_percent'] as const) {
        const v = route[key];
        if (!isSet(v)) continue;
        if (typeof v === 'number' && v > 100) {
          report({ field: `${at}.${key}`, value: v, message: `${key} ${formatValue(v)} is above 100`, fix: `replace it with mirrorPercentage: { value: <0-100> }` });
        }
        report({
          field: `${at}.${key}`, value: v, severity: Severity.WARNING, message: `${key} is deprecated`,
          fix: `replace ${at}.${key} with mirrorPercentage: { value: ${typeof v === 'number' ? Math.min(v, 100) : '<0-100>'} }`,
        });
      }
      const mp = outOfRange(route.mirrorPercentage);
      if (mp !== undefined) {
        report({ field: `${at}.mirrorPercentage.value`, value: mp, message: `mirrorPercentage ${formatValue(mp)} is not in 0-100`, fix: 'give the percentage of requests to copy, from 0 to 100' });
      }
      if (isSet(route.mirrorPercentage) && !isSet(route.mirror)) {
        report({
          field: `${at}.mirrorPercentage`, value: route.mirrorPercentage, severity: Severity.WARNING,
          message: 'mirrorPercentage has no effect without mirror (stricter than Istio, which accepts it)',
          fix: `add ${at}.mirror, or give the percentage per entry in mirrors: [{ destination, percentage }]`,
        });
      }
      eachItem(route.mirrors, `${at}.mirrors`, (m, field) => {
        if (m === null || (isRecord(m) && !isSet(m.destination))) {
          report({
            field: m === null ? field : `${field}.destination`, value: m,
            message: m === null ? 'the mirrors entry is null' : 'the mirrors entry has no destination',
            fix: `give ${field} a destination, e.g. { destination: { host: reviews, subset: v2 }, percentage: { value: 10 } }`,
          });
          return;
        }
        const p = isRecord(m) ? outOfRange(m.percentage) : undefined;
        if (p !== undefined) report({ field: `${field}.percentage.value`, value: p, message: `mirror percentage ${formatValue(p)} is not in 0-100`, fix: 'give the percentage of requests to copy, from 0 to 100' });
      });
    });
  },
});
