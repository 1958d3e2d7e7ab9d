import { defineCheck } from '../../../check';
import { Severity } from '../../../finding';
import { asArray, isRecord } from '../../../manifest/read';
import { eachJwtRule } from './private/jwt-rules';
import { REQUEST_AUTHENTICATION } from './private/kinds';

/**
 * CI0814: a RequestAuthentication JWT rule that reads the token from a place without a name,
 * which Istio's webhook rejects: a `fromHeaders` entry that is null or without `name` ("location
 * header name must be non-empty string"), or an empty `fromParams` or `fromCookies` entry.
 *
 * @see https://istio.io/latest/docs/reference/config/security/jwt/#JWTRule
 */
export const InvalidJwtTokenLocation = defineCheck({
  code: 'CI0814',
  name: 'InvalidJwtTokenLocation',
  severity: Severity.ERROR,
  counterpart: 'webhook',
  catches: 'a RequestAuthentication fromHeaders entry without name, or an empty fromParams or fromCookies entry',
  scope: 'object',
  kinds: [REQUEST_AUTHENTICATION],
  evaluate({ object, report }) {
    eachJwtRule(object.manifest, (rule, ruleField) => {
      asArray(rule.fromHeaders).forEach((header, j) => {
        const field = `${ruleField}.fromHeaders[${j}]`;
        if (header === null) {
          report({ field, value: header, message: 'a fromHeaders entry must not be null', fix: 'write the entry as { name: <header>, prefix: <prefix to strip> }, or remove it' });
        } else if (isRecord(header) && (header.name === undefined || header.name === null || header.name === '')) {
          report({
            field: `${field}.name`, value: header.name, message: 'a fromHeaders entry needs the name of the header that carries the token',
            fix: `set ${field}.name, such as x-jwt-assertion (and prefix: "Bearer " to strip a prefix)`,
          });
        }
      });
      for (const [list, what] of [['fromParams', 'query parameter'], ['fromCookies', 'cookie']] as const) {
        asArray(rule[list]).forEach((value, j) => {
          if (value !== '') return;
          report({ field: `${ruleField}.${list}[${j}]`, value, message: `empty ${what} name in ${list}`, fix: `write the ${what} that carries the token, such as ${list === 'fromParams' ? 'access_token' : 'session'}, or remove the entry` });
        });
      }
    });
  },
});
