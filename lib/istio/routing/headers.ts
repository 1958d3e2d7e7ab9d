import { formatValue, ProblemCollector } from '../../analysis/finding';
import { headerNameProblem } from '../../analysis/values/validate';

/**
 * Changes to the headers of a request or a response.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/virtual-service/#Headers-HeaderOperations
 */
export interface HeaderOperations {
  /**
   * Headers to overwrite (set to exactly this value).
   *
   * @default - no header is overwritten
   */
  readonly set?: { [name: string]: string };

  /**
   * Headers to append to (a value is added even when the header exists).
   *
   * @default - no header is appended
   */
  readonly add?: { [name: string]: string };

  /**
   * Headers to remove.
   *
   * @default - no header is removed
   */
  readonly remove?: string[];
}

/**
 * Header operations on the request (before forwarding) and the response (before returning).
 *
 * @see https://istio.io/latest/docs/reference/config/networking/virtual-service/#Headers
 */
export interface HttpHeaderOperations {
  /**
   * Operations on the request headers. Setting `:authority` or `host` here rewrites the authority.
   *
   * @default - request headers are left alone
   */
  readonly request?: HeaderOperations;

  /**
   * Operations on the response headers.
   *
   * @default - response headers are left alone
   */
  readonly response?: HeaderOperations;
}

function isAuthority(name: string): boolean {
  const n = name.toLowerCase();
  return n === ':authority' || n === 'host';
}

// eslint-disable-next-line no-control-regex
const BAD_HEADER_VALUE = /[\u0000-\u0008\u000A-\u001F\u007F]/;

function renderOps(ops: HeaderOperations | undefined): any {
  if (!ops) return undefined;
  const out: any = {};
  if (ops.set && Object.keys(ops.set).length > 0) out.set = { ...ops.set };
  if (ops.add && Object.keys(ops.add).length > 0) out.add = { ...ops.add };
  if (ops.remove && ops.remove.length > 0) out.remove = [...ops.remove];
  return Object.keys(out).length > 0 ? out : undefined;
}

/**
 * The Istio form of header operations, or `undefined` when there are none.
 * @internal
 */
export function _renderHttpHeaderOperations(h: HttpHeaderOperations): any {
  const request = renderOps(h.request);
  const response = renderOps(h.response);
  if (!request && !response) return undefined;
  return { ...(request ? { request } : {}), ...(response ? { response } : {}) };
}

/**
 * The authority value set through request header operations, if any.
 * @internal
 */
export function _authorityFromHeaders(h: HttpHeaderOperations | undefined): { field: string; value: string } | undefined {
  for (const kind of ['set', 'add'] as const) {
    for (const [name, value] of Object.entries(h?.request?.[kind] ?? {})) {
      if (isAuthority(name)) return { field: `request.${kind}.${name}`, value };
    }
  }
  return undefined;
}

/**
 * Records problems of header operations (relative to the `headers` field), following Istio's
 * webhook: names are HTTP tokens (any case: header names are case-insensitive), pseudo-headers
 * (`:path`, ...) cannot be changed, `:authority`/`host` may only be set or added on the request,
 * and values have no control characters.
 * @internal
 */
export function _validateHttpHeaderOperations(h: HttpHeaderOperations, problems: ProblemCollector): void {
  for (const side of ['request', 'response'] as const) {
    const ops = h[side];
    if (!ops) continue;
    for (const kind of ['set', 'add', 'remove'] as const) {
      const names = kind === 'remove' ? (ops.remove ?? []) : Object.keys(ops[kind] ?? {});
      names.forEach((name, i) => {
        const field = kind === 'remove' ? `${side}.remove[${i}]` : `${side}.${kind}.${name}`;
        const mayTouchAuthority = side === 'request' && kind !== 'remove';
        if (typeof name !== 'string' || name === '') {
          problems.add('CI0009', field, name, 'header name is empty', 'give a header name such as \'x-request-id\'');
          return;
        }
        if (isAuthority(name)) {
          if (!mayTouchAuthority) {
            problems.add('CI0009', field, name, `header ${formatValue(name)} cannot be ${kind === 'remove' ? 'removed' : 'changed'} in the ${side}`,
              'rewrite the authority with rewrite.authority or request.set[\':authority\']');
          }
        } else if (name.startsWith(':')) {
          problems.add('CI0009', field, name, `pseudo-header ${formatValue(name)} cannot be changed with header operations`, 'use rewrite for the path, or remove this operation');
        } else {
          // header names are case-insensitive; Envoy lowercases them, so any case is accepted here
          const p = headerNameProblem(name.toLowerCase());
          if (p) problems.add('CI0009', field, name, `header name ${formatValue(name)} ${p}`, 'use a header name made of letters, digits and \'-\'');
        }
        if (kind !== 'remove') {
          const value = (ops[kind] ?? {})[name];
          if (typeof value !== 'string' || BAD_HEADER_VALUE.test(value)) {
            problems.add('CI0017', field, value, `header value ${formatValue(value)} must be a string without control characters`, 'remove newlines and control characters from the value');
          } else {
            const p = headerValueFormatProblem(value);
            if (p) problems.add('CI0017', field, value, `header value ${formatValue(value)} ${p}`, 'write a literal % as %%, or a variable as %NAME% or %NAME(args)%');
          }
        }
      });
    }
  }
}

/**
 * Why Envoy's header formatter (and so Istio's webhook, ValidateHTTPHeaderValue) would reject a
 * header value, or `undefined`: `%` starts a variable (`%DOWNSTREAM_REMOTE_ADDRESS%`,
 * `%REQ(x-id)%`, `%START_TIME(%s)%`) and a literal `%` is written `%%`.
 */
function headerValueFormatProblem(value: string): string | undefined {
  let i = 0;
  while (i < value.length) {
    if (value[i] !== '%') {
      i++;
      continue;
    }
    if (value[i + 1] === '%') {
      i += 2;
      continue;
    }
    let j = i + 1;
    while (j < value.length && /[A-Z0-9_]/.test(value[j])) j++;
    if (j === i + 1) return `has an unescaped '%' at position ${i}`;
    if (value[j] === '(') {
      const close = value.indexOf(')%', j);
      if (close < 0) return `has an unterminated variable expression at position ${i}`;
      i = close + 2;
    } else if (value[j] === '%') {
      i = j + 1;
    } else {
      return `has an unterminated variable expression at position ${i}`;
    }
  }
  return undefined;
}
