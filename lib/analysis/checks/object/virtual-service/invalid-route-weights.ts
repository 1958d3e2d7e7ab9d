import { defineCheck } from '../../../check';
import { formatValue, Severity } from '../../../finding';
import { isRecord } from '../../../manifest/read';
import { eachRouteList, VIRTUAL_SERVICE_KINDS, vsContext } from './private/walk';

/**
 * CI0126: weights Istio's webhook rejects in an HTTP, TCP or TLS route: a negative weight (or one
 * that is not a whole number, which the CRD rejects), or a route of several destinations whose
 * weights add up to 0 (a missing weight counts as 0), so no traffic could be sent. Weights are
 * relative: they need not add up to 100.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/virtual-service/#HTTPRouteDestination
 */
export const InvalidRouteWeights = defineCheck({
  code: 'CI0126',
  name: 'InvalidRouteWeights',
  severity: Severity.ERROR,
  counterpart: 'webhook',
  catches: 'a negative or fractional weight, or the weights of several destinations add up to 0',
  scope: 'object',
  kinds: VIRTUAL_SERVICE_KINDS,
  evaluate({ object, report }) {
    eachRouteList(vsContext(object.manifest).spec, (list, at) => {
      let total = 0;
      let invalid = false;
      list.forEach((entry, i) => {
        const w = isRecord(entry) ? entry.weight : undefined;
        if (typeof w !== 'number') {
          if (w !== undefined && w !== null) invalid = true;
          return;
        }
        if (Number.isInteger(w) && w >= 0) {
          total += w;
          return;
        }
        invalid = true;
        report({
          field: `${at}[${i}].weight`, value: w, message: `weight ${formatValue(w)} is ${w < 0 ? 'negative' : 'not a whole number'}`,
          fix: 'give a whole number of 0 or more, e.g. 90 and 10 (weights are relative)',
        });
      });
      if (list.length < 2 || total !== 0 || invalid) return;
      const missing = list.some((e) => !isRecord(e) || e.weight === undefined || e.weight === null);
      report({
        field: at, value: list.map((e) => (isRecord(e) ? e.weight ?? null : null)),
        message: missing ? 'the weights of the destinations add up to 0 (a missing weight counts as 0), so no traffic can be sent' : 'every destination weight is 0, so no traffic can be sent',
        fix: 'give at least one destination a positive weight, e.g. 90 and 10 (weights are relative)',
      });
    });
  },
});
