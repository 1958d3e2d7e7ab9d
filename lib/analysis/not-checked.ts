/**
 * What `istioctl analyze` and Kiali find that no check of ours mirrors, and why. Everything they
 * find that a check does mirror is named in that check's `counterpart` (see the registry); the
 * README's "What is not checked" section is generated from both, and a test holds them against
 * istioctl's message catalog (`pkg/config/analysis/msg/messages.yaml`) and Kiali's validation codes.
 *
 * @see https://istio.io/latest/docs/reference/config/analysis/
 * @see https://kiali.io/docs/features/validations/
 */

/**
 * An `istioctl analyze` message or a Kiali validation that no check of ours reports, with the reason.
 *
 * @see https://istio.io/latest/docs/reference/config/analysis/
 */
export interface NotChecked {
  /** The tool that reports it. */
  readonly tool: 'istioctl' | 'Kiali';
  /** Its code: `IST0161`, `KIA1301`. */
  readonly code: string;
  /** Its name (istioctl) or message (Kiali). */
  readonly name: string;
  /** Why no check of ours reports it, lowercase, no final period. */
  readonly reason: string;
}

const LIVE = 'needs a live cluster';
const INSTALLATION = 'about Istio\'s installation, not the mesh configuration an app writes';
const GATEWAY_API = 'the Kubernetes Gateway API: a later issue (the CRD schema and CEL rules still check its objects when they are Istio kinds)';

/**
 * The `istioctl analyze` messages of Istio 1.30.3 that no check of ours reports, and why; every
 * other message of istioctl's catalog is a check's `counterpart`.
 *
 * @see https://istio.io/latest/docs/reference/config/analysis/
 */
export const ISTIOCTL_NOT_CHECKED: readonly NotChecked[] = [
  ['IST0001', 'InternalError', 'a bug in istioctl itself; a check of ours that throws is reported as a warning naming the check, and the others still run'],
  ['IST0002', 'Deprecated', 'deprecated fields of older API versions: the objects are checked against the 1.30 v1 schemas, where CI0016 reports a field the CRD dropped'],
  ['IST0107', 'MisplacedAnnotation', 'Istio annotations on Kubernetes objects are outside the networking and security kinds'],
  ['IST0108', 'UnknownAnnotation', 'Istio annotations on Kubernetes objects are outside the networking and security kinds'],
  ['IST0125', 'InvalidAnnotation', 'Istio annotations on Kubernetes objects are outside the networking and security kinds'],
  ['IST0126', 'UnknownMeshNetworksServiceRegistry', `needs MeshNetworks: ${INSTALLATION}`],
  ['IST0135', 'DeprecatedAnnotation', 'Istio annotations on Kubernetes objects are outside the networking and security kinds'],
  ['IST0136', 'AlphaAnnotation', 'Istio annotations on Kubernetes objects are outside the networking and security kinds'],
  ['IST0139', 'InvalidWebhook', `webhook configurations: ${INSTALLATION}`],
  ['IST0141', 'InsufficientPermissions', `the permissions to install Istio: ${INSTALLATION}`],
  ['IST0142', 'UnsupportedKubernetesVersion', `the cluster's Kubernetes version: ${LIVE}`],
  ['IST0143', 'LocalhostListener', `which address a running application listens on: ${LIVE}`],
  ['IST0148', 'NamespaceInjectionEnabledByDefault', `needs the sidecar injector's ConfigMap (namespaces injected by default): ${INSTALLATION}`],
  ['IST0151', 'EnvoyFilterUsesRelativeOperation', 'EnvoyFilter patches of Envoy\'s own configuration are outside the typed mesh configuration (the CRD schema and CEL rules still check EnvoyFilters)'],
  ['IST0152', 'EnvoyFilterUsesReplaceOperationIncorrectly', 'EnvoyFilter patches of Envoy\'s own configuration are outside the typed mesh configuration (the CRD schema and CEL rules still check EnvoyFilters)'],
  ['IST0153', 'EnvoyFilterUsesAddOperationIncorrectly', 'EnvoyFilter patches of Envoy\'s own configuration are outside the typed mesh configuration (the CRD schema and CEL rules still check EnvoyFilters)'],
  ['IST0154', 'EnvoyFilterUsesRemoveOperationIncorrectly', 'EnvoyFilter patches of Envoy\'s own configuration are outside the typed mesh configuration (the CRD schema and CEL rules still check EnvoyFilters)'],
  ['IST0155', 'EnvoyFilterUsesRelativeOperationWithProxyVersion', 'EnvoyFilter patches of Envoy\'s own configuration are outside the typed mesh configuration (the CRD schema and CEL rules still check EnvoyFilters)'],
  ['IST0156', 'UnsupportedGatewayAPIVersion', GATEWAY_API],
  ['IST0157', 'InvalidTelemetryProvider', 'Telemetry is outside the networking and security kinds, and its providers live in MeshConfig (the CRD schema and CEL rules still check Telemetry objects)'],
  ['IST0158', 'PodsIstioProxyImageMismatchInNamespace', `the proxy images of running pods: ${LIVE}`],
  ['IST0159', 'ConflictingTelemetryWorkloadSelectors', 'Telemetry is outside the networking and security kinds (the CRD schema and CEL rules still check Telemetry objects)'],
  ['IST0160', 'MultipleTelemetriesWithoutWorkloadSelectors', 'Telemetry is outside the networking and security kinds (the CRD schema and CEL rules still check Telemetry objects)'],
  ['IST0161', 'InvalidGatewayCredential', 'needs the TLS Secrets, which an app does not hold in its configuration (a live cluster)'],
  ['IST0163', 'InvalidExternalControlPlaneConfig', `an external control plane's webhooks: ${INSTALLATION}`],
  ['IST0164', 'ExternalControlPlaneAddressIsNotAHostname', `an external control plane's webhooks: ${INSTALLATION}`],
  ['IST0166', 'IneffectiveSelector', GATEWAY_API],
  ['IST0168', 'UnknownUpgradeCompatibility', 'compares two Istio versions\' defaults for an upgrade: not a property of the mesh configuration'],
  ['IST0169', 'UpdateIncompatibility', 'compares two Istio versions\' defaults for an upgrade: not a property of the mesh configuration'],
  ['IST0170', 'MultiClusterInconsistentService', 'compares a Service across the clusters of a multi-cluster mesh: needs every live cluster of the mesh'],
  ['IST0171', 'NegativeConditionStatus', 'status conditions are written by a live cluster'],
  ['IST0172', 'FutureUnsupportedGatewayAPIVersion', GATEWAY_API],
  ['IST0175', 'JwksUriFetchUnrestricted', `reads istiod's own environment (BLOCKED_CIDRS_IN_JWKS_URIS): ${INSTALLATION}`],
  ['IST0176', 'GatewayAPICRDVersionBelowMinimum', GATEWAY_API],
].map(([code, name, reason]) => ({ tool: 'istioctl', code, name, reason }));

/**
 * Kiali's validations that no check of ours reports, and why; every other Kiali validation is a
 * check's `counterpart`.
 *
 * @see https://kiali.io/docs/features/validations/
 */
export const KIALI_NOT_CHECKED: readonly NotChecked[] = [
  ['KIA0005', 'No matching namespace found or namespace is not accessible (exportTo)', 'Istio accepts an exportTo namespace that does not exist yet (it may be created later), and the app cannot know every namespace of the cluster; CI0023 checks the form of each entry'],
  ['KIA0102', 'Only HTTP methods and fully-qualified gRPC names are allowed', 'Istio accepts any method string, and a custom method is legitimate for some servers: not reported, to never fail a valid configuration'],
  ['KIA0107', 'Service Account for this principal is on remote cluster', 'the service registries of other clusters: needs every live cluster of the mesh'],
  ['KIA0204', 'mTLS settings of a non-local Destination Rule are overridden', 'not reported yet: the mesh model knows which DestinationRule istiod applies (CI1002, CI1003), but not yet which TLS setting wins'],
  ['KIA0205', 'PeerAuthentication enabling mTLS at mesh level is missing', 'Kiali\'s rule predates Istio\'s automatic mTLS: a DestinationRule with ISTIO_MUTUAL and no PeerAuthentication is valid (the client sends mTLS, a PERMISSIVE server accepts it)'],
  ['KIA0206', 'PeerAuthentication enabling namespace-wide mTLS is missing', 'Kiali\'s rule predates Istio\'s automatic mTLS: a DestinationRule with ISTIO_MUTUAL and no PeerAuthentication is valid (the client sends mTLS, a PERMISSIVE server accepts it)'],
  ['KIA0209', 'This subset has not labels', 'Istio accepts a subset without labels (its egress-gateway task uses one to attach a traffic policy to every endpoint)'],
  ['KIA0401', 'Mesh-wide Destination Rule enabling mTLS is missing', 'Kiali\'s rule predates Istio\'s automatic mTLS: clients send mTLS to a STRICT server without a DestinationRule'],
  ['KIA0501', 'Destination Rule enabling namespace-wide mTLS is missing', 'Kiali\'s rule predates Istio\'s automatic mTLS: clients send mTLS to a STRICT server without a DestinationRule'],
  ['KIA0505', 'Destination Rule disabling namespace-wide mTLS is missing', 'Kiali\'s rule predates Istio\'s automatic mTLS: istiod sends plain text to the endpoints a DISABLE PeerAuthentication covers without a DestinationRule; CI1014 reports a DestinationRule that contradicts it'],
  ['KIA0506', 'Destination Rule disabling mesh-wide mTLS is missing', 'Kiali\'s rule predates Istio\'s automatic mTLS: istiod sends plain text to the endpoints a DISABLE PeerAuthentication covers without a DestinationRule; CI1014 reports a DestinationRule that contradicts it'],
  ['KIA0602', 'Port appProtocol must follow <protocol> form', 'Kubernetes and Istio accept any appProtocol (Istio falls back to protocol detection); the port name rule (CI1011) covers the naming convention'],
  ['KIA0701', 'Deployment exposing same port as Service not found', 'containers need not declare the ports they listen on (Kubernetes routes a targetPort whether or not a container lists it), so the absence is no mistake'],
  ['KIA1006', 'Global default sidecar should not have workloadSelector', 'needs the root namespace from MeshConfig; a Sidecar with a selector in istio-system only selects istio-system\'s own workloads, which CI1067 checks'],
  ['KIA1007', 'OutboundTrafficPolicy with empty mode value is ambiguous', 'a display limitation of Kiali\'s, not a mistake in the configuration'],
  ['KIA1104', 'The weight is assumed to be 100 because there is only one route destination', 'informational: Istio gives a lone destination the whole weight, as written'],
  ['KIA1108', 'Preferred nomenclature: <gateway namespace>/<gateway name>', 'a style preference; a short gateway name resolves in the VirtualService\'s namespace, which CI1001 checks'],
  ['KIA1201', 'Missing one or more addresses from matching WorkloadEntries', 'not reported yet: ServiceEntry endpoints selected through workloadSelector are not in the mesh model'],
  ['KIA1301', 'This workload is not covered by any authorization policy', 'a security posture choice (allow-all without policies is Istio\'s default), not a mistake: left to the mesh\'s owners'],
  ['KIA1401', 'Route is pointing to a non-existent or inaccessible K8s gateway', GATEWAY_API],
  ['KIA1402', 'Reference doesn\'t have a valid service (Service name not found)', GATEWAY_API],
  ['KIA1501', 'More than one K8s Gateway for the same host port combination', GATEWAY_API],
  ['KIA1502', 'More than one K8s Gateway for the same address and type combination', GATEWAY_API],
  ['KIA1503', 'Each listener must have a unique combination of Hostname, Port, and Protocol', GATEWAY_API],
  ['KIA1504', 'Gateway API Class not found in Kiali configuration', GATEWAY_API],
  ['KIA1601', 'Namespace is not found or is not accessible (ReferenceGrant)', GATEWAY_API],
].map(([code, name, reason]) => ({ tool: 'Kiali', code, name, reason }));
