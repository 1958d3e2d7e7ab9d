/**
 * A fixed response returned by the proxy instead of forwarding.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/virtual-service/#HTTPDirectResponse
 */
export interface HttpDirectResponse {
  /** The HTTP status returned, 200-599. */
  readonly status: number;

  /**
   * The response body (at most 1MB; keep it small, every proxy holds it).
   *
   * @default - an empty body
   */
  readonly body?: string;
}

/**
 * The Istio form of a direct response.
 * @internal
 */
export function _renderDirectResponse(d: HttpDirectResponse): any {
  return { status: d.status, ...(d.body !== undefined ? { body: { string: d.body } } : {}) };
}
