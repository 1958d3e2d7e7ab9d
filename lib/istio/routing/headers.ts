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

function renderOps(ops: HeaderOperations | undefined): any {
  if (!ops) return undefined;
  const out: any = {};
  if (ops.set && Object.keys(ops.set).length > 0) out.set = { ...ops.set };
  if (ops.add && Object.keys(ops.add).length > 0) out.add = { ...ops.add };
  if (ops.remove && ops.remove.length > 0) out.remove = Array.isArray(ops.remove) ? [...ops.remove] : ops.remove;
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

