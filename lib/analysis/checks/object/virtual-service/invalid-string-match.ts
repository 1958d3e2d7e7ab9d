import { defineCheck } from '../../../check';
import { formatValue, Severity } from '../../../finding';
import { eachEntry } from '../../../manifest/read';
import { eachHttpMatch, eachStringMatch, VIRTUAL_SERVICE_KINDS, vsContext } from './private/walk';

/**
 * CI0110: a string match of an HTTP match that Istio's webhook rejects: a `headers` entry that is
 * null, or an empty `prefix` anywhere but `uri` (Envoy requires a non-empty prefix for schemes,
 * methods, authorities, headers and query parameters; an empty `uri` prefix matches every path).
 * Regexes are CI0109's.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/virtual-service/#HTTPMatchRequest
 */
export const InvalidStringMatch = defineCheck({
  code: 'CI0110',
  name: 'InvalidStringMatch',
  severity: Severity.ERROR,
  counterpart: 'webhook',
  catches: 'a header match is null, or a prefix match other than uri is empty',
  scope: 'object',
  kinds: VIRTUAL_SERVICE_KINDS,
  evaluate({ object, report }) {
    const { spec } = vsContext(object.manifest);
    eachHttpMatch(spec, (m, at) => {
      eachEntry(m.headers, `${at}.headers`, (name, value, field) => {
        if (value !== null) return;
        report({
          field, value: null, message: `header match ${formatValue(name)} is null`,
          fix: `give ${field} a match ({ exact: ... }, { prefix: ... } or { regex: ... }), or remove it`,
        });
      });
      eachStringMatch(m, at, (sm, field, place, key) => {
        if (place === 'uri' || sm.prefix !== '') return;
        if (place === 'withoutHeaders' && sm.regex === '*') return;
        const what = key === undefined ? place : `${place} ${formatValue(key)}`;
        report({
          field: `${field}.prefix`, value: '', message: `the prefix match of ${what} is empty, which Istio rejects outside uri`,
          fix: 'give a non-empty prefix, or match any value with regex: \'.*\' (or leave the condition out)',
        });
      });
    });
  },
});
