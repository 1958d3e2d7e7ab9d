import { formatValue, ProblemCollector } from '../../analysis/finding';
import { intRangeProblem } from '../../analysis/values/validate';

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

const MB = 1024 * 1024;

/**
 * The Istio form of a direct response.
 * @internal
 */
export function _renderDirectResponse(d: HttpDirectResponse): any {
  return { status: d.status, ...(d.body !== undefined ? { body: { string: d.body } } : {}) };
}

/**
 * Records the problems of a direct response (relative to the `directResponse` field).
 * @internal
 */
export function _validateDirectResponse(d: HttpDirectResponse, problems: ProblemCollector): void {
  if (intRangeProblem(d.status, 200, 599)) {
    problems.add('CI0006', 'status', d.status, `directResponse status ${formatValue(d.status)} is not in 200-599`, 'use an HTTP status from 200 to 599, e.g. 404 or 503');
  }
  if (d.body !== undefined && Buffer.byteLength(d.body, 'utf8') > MB) {
    problems.add('CI0017', 'body.string', `${Buffer.byteLength(d.body, 'utf8')} bytes`, 'directResponse body is larger than 1MB, which Istio rejects', 'serve large bodies from a workload instead');
  }
}
