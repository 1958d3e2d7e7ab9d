import { Severity } from './finding';

/**
 * The description of one check: its stable code, name, default severity and counterpart.
 *
 * @see https://istio.io/latest/docs/reference/config/analysis/
 * @see https://kiali.io/docs/features/validations/
 */
export interface CheckDefinition {
  /** Stable code, never reused. */
  readonly code: string;
  /** Short PascalCase name. */
  readonly name: string;
  /** Severity when not configured otherwise. */
  readonly severity: Severity;
  /**
   * The `istioctl analyze` message or Kiali validation this check mirrors.
   * @default - no counterpart (Istio's webhook or CRD schema rejects it instead)
   */
  readonly mirrors?: string;
  /** One sentence on what the check catches. */
  readonly description: string;
}

function check(code: string, name: string, severity: Severity, description: string, mirrors?: string): CheckDefinition {
  return { code, name, severity, description, mirrors };
}

const E = Severity.ERROR;

/**
 * Every check cdk8s-istio runs, by code. `CI0xxx` are per-object checks (what Istio's webhook and
 * CRD schema reject); `CI1xxx` are cross-resource checks over the whole app.
 */
export const CHECKS: { readonly [code: string]: CheckDefinition } = Object.fromEntries([
  // per-object: what the validating webhook / CRD rules reject
  check('CI0002', 'InvalidHost', E, 'a host is not a valid DNS name, has a wildcard outside the first label, or is `*` where a destination is needed'),
  check('CI0003', 'InvalidPort', E, 'a port number is outside 1-65535'),
  check('CI0004', 'InvalidDuration', E, 'a duration is below 1ms or not a whole number of milliseconds'),
  check('CI0005', 'InvalidPercentage', E, 'a percentage is outside 0-100'),
  check('CI0006', 'InvalidHttpStatus', E, 'an HTTP status is outside the range its field allows (abort 200-599, redirect 300-399, direct response 200-599)'),
  check('CI0007', 'InvalidRetryOn', E, 'a retryOn condition is not one Envoy knows and not an HTTP status'),
  check('CI0008', 'InvalidRegex', E, 'a regular expression is not valid RE2 (Istio uses RE2, not JavaScript regexes)'),
  check('CI0009', 'InvalidHeaderName', E, 'an HTTP header name is not a valid lowercase token or is a pseudo-header Istio does not allow'),
  check('CI0010', 'RouteActionConflict', E, 'an HTTP route has not exactly one of route, redirect, direct response (or delegate)'),
  check('CI0011', 'InvalidWeights', E, 'a destination weight is negative, or all weights of a route are zero'),
  check('CI0012', 'DuplicateName', E, 'two subsets, ports, servers or routes share a name'),
  check('CI0013', 'InvalidTlsSettings', E, 'a TLS mode lacks the credentials it needs or has ones it forbids'),
  check('CI0014', 'InvalidAuthorizationPolicy', E, 'an AuthorizationPolicy action and its rules/provider do not fit together'),
  check('CI0015', 'MissingField', E, 'a required field is missing (hosts, routes, servers, destination, ...)'),
  check('CI0017', 'InvalidValue', E, 'a value is out of its allowed set or range (enum, label, count, match field)'),
  check('CI0018', 'InvalidLabels', E, 'a label key or value is not valid Kubernetes label syntax'),
  // cross-resource: the app as a whole (istioctl analyze / Kiali counterparts)
  // analysis configuration
].map((c) => [c.code, c]));
