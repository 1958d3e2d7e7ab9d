import { defineCheck } from '../../../check';
import { formatValue, Severity } from '../../../finding';
import { asRecord, eachEntry, eachItem } from '../../../manifest/read';
import { HEADER_TOKEN } from './private/names';
import { eachHeaders, VIRTUAL_SERVICE_KINDS, vsContext } from './private/walk';

const isAuthority = (name: string) => /^(:authority|host)$/i.test(name);

/**
 * Why Istio rejects a header name in an operation: empty; a pseudo-header (`:path`); `host`
 * outside request set/add (ValidateHTTPHeaderOperationName). On the request's `set` and `add`,
 * `:authority` and `host` rewrite the authority and are allowed.
 */
function nameProblem(name: string, authorityAllowed: boolean): string | undefined {
  if (name === '') return 'is empty';
  if (authorityAllowed && isAuthority(name)) return undefined;
  if (!authorityAllowed && name.toLowerCase() === 'host') return 'cannot be changed here: the Host header can only be set on the request (set or add)';
  if (name.startsWith(':')) return 'is a pseudo-header, which header operations cannot change';
  return undefined;
}

/**
 * CI0115: a header name in `headers` (of an HTTP route or of one of its destinations) that Istio's
 * webhook rejects: empty, a pseudo-header such as `:path`, or `host`/`:authority` anywhere but the
 * request's `set` and `add` (where they rewrite the authority). A name that is not an HTTP token
 * (a space, say) is accepted by Istio and reported as a warning.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/virtual-service/#Headers
 */
export const InvalidHeaderOperation = defineCheck({
  code: 'CI0115',
  name: 'InvalidHeaderOperation',
  severity: Severity.ERROR,
  counterpart: 'webhook',
  catches: 'a header operation names no header, a pseudo-header, or the Host header outside the request\'s set and add',
  scope: 'object',
  kinds: VIRTUAL_SERVICE_KINDS,
  evaluate({ object, report }) {
    eachHeaders(vsContext(object.manifest).spec, (headers, at) => {
      for (const side of ['request', 'response'] as const) {
        const ops = asRecord(headers[side]);
        const visit = (name: unknown, field: string, kind: 'set' | 'add' | 'remove') => {
          if (typeof name !== 'string') return;
          const problem = nameProblem(name, side === 'request' && kind !== 'remove');
          if (problem) {
            report({
              field, value: name, message: `header ${formatValue(name)} in ${side}.${kind} ${problem}`,
              fix: name.startsWith(':') || name.toLowerCase() === 'host'
                ? 'rewrite the path with rewrite.uri and the authority with rewrite.authority (or request.set[\':authority\']), or remove this operation'
                : 'name the header, e.g. x-request-source',
            });
          } else if (!isAuthority(name) && !HEADER_TOKEN.test(name)) {
            report({
              field, value: name, severity: Severity.WARNING,
              message: `header ${formatValue(name)} in ${side}.${kind} is not an HTTP token, which clients and servers may reject (stricter than Istio, which accepts it)`,
              fix: 'name the header with letters, digits and \'-\', e.g. x-request-source',
            });
          }
        };
        for (const kind of ['set', 'add'] as const) eachEntry(ops[kind], `${at}.${side}.${kind}`, (name, _v, field) => visit(name, field, kind));
        eachItem(ops.remove, `${at}.${side}.remove`, (name, field) => visit(name, field, 'remove'));
      }
    });
  },
});
