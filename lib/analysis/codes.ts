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
const W = Severity.WARNING;

/**
 * Every check cdk8s-istio runs, by code. `CI0xxx` are per-object checks (what Istio's webhook and
 * CRD schema reject); `CI1xxx` are cross-resource checks over the whole app.
 */
export const CHECKS: { readonly [code: string]: CheckDefinition } = Object.fromEntries([
  // per-object: what the validating webhook / CRD rules reject
  check('CI0001', 'InvalidName', E, 'a resource, subset, port or server name is not a DNS-1123 label or subdomain'),
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
  check('CI0016', 'SchemaViolation', E, 'the rendered object does not validate against the Istio 1.30.3 CRD OpenAPI schema'),
  check('CI0017', 'InvalidValue', E, 'a value is out of its allowed set or range (enum, label, count, match field)'),
  check('CI0018', 'InvalidLabels', E, 'a label key or value is not valid Kubernetes label syntax'),
  check('CI0019', 'ConstructValidation', E, 'a cdk8s or cdk8s-plus construct validation failed (the message says which)'),
  // cross-resource: the app as a whole (istioctl analyze / Kiali counterparts)
  check('CI1001', 'GatewayNotFound', E, 'a VirtualService names a gateway that is not in the app', 'IST0101 ReferencedResourceNotFound / KIA1102'),
  check('CI1002', 'DestinationHostNotFound', E, 'a route or mirror destination host matches no Service or ServiceEntry in the app', 'IST0101 ReferencedResourceNotFound / KIA1101'),
  check('CI1003', 'SubsetNotFound', E, 'a route or mirror names a subset that no DestinationRule for that host defines', 'IST0101 ReferencedResourceNotFound / KIA1107'),
  check('CI1004', 'DestinationPortRequired', E, 'a destination omits the port while the Service (or ServiceEntry) has several ports', 'IST0112 VirtualServiceDestinationPortSelectorRequired'),
  check('CI1005', 'DestinationPortNotFound', E, 'a destination names a port the Service (or ServiceEntry) does not have', 'IST0101 ReferencedResourceNotFound (host:port)'),
  check('CI1006', 'GatewayHostNotServed', E, 'a VirtualService host is not served by any server of the Gateway it binds to', 'IST0132 VirtualServiceHostNotFoundInGateway'),
  check('CI1007', 'ConflictingVirtualServices', E, 'two VirtualServices claim the same host for the same gateway', 'IST0109 ConflictingMeshGatewayVirtualServiceHosts / KIA1106'),
  check('CI1008', 'UnreachableRoute', W, 'an HTTP route follows a catch-all route and can never match', 'IST0130 VirtualServiceUnreachableRule'),
  check('CI1009', 'SubsetSelectsNoPods', E, 'a DestinationRule subset selects no pod template in the app', 'IST0173 DestinationRuleSubsetNotSelectPods / KIA0203'),
  check('CI1010', 'ConflictingDestinationRules', E, 'DestinationRules for one host (and workload selector) in a namespace define the same subset or each a traffic policy', 'KIA0201'),
  check('CI1011', 'PortNameNotProtocol', W, 'a Service port name does not follow Istio protocol naming (`<protocol>[-suffix]`) and has no appProtocol', 'IST0118 PortNameIsNotUnderNamingConvention / KIA0601'),
  check('CI1012', 'MissingAppVersionLabels', W, 'a Deployment, StatefulSet or DaemonSet in a meshed namespace lacks the `app` or `version` pod label (no istioctl/Kiali counterpart)'),
  check('CI1013', 'DestinationNotInjected', W, 'a VirtualService routes to a workload whose namespace has no sidecar injection', 'IST0102 NamespaceNotInjected'),
  check('CI1014', 'MtlsConflict', E, 'a DestinationRule client TLS mode conflicts with the PeerAuthentication of its destination', 'IST0113 MTLSPolicyConflict / KIA0207 / KIA0208'),
  check('CI1015', 'DestinationRuleHostNotFound', W, 'a DestinationRule host matches no Service or ServiceEntry in the app', 'UnknownDestinationRuleHost / KIA0202'),
  // analysis configuration
  check('CI1016', 'InvalidSuppression', E, 'a suppression has no reason, names an unknown or per-object (CI0xxx) check, or suppresses CI1016'),
].map((c) => [c.code, c]));
