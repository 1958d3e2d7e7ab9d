/**
 * How istioctl's analyzer test cases map to our checks: which analyzers are within the product's
 * mission (and which are not, and why), which of our codes report each istioctl message, and the
 * known differences, each with its reason. The test in istioctl-analyzers.test.ts reads this.
 */

/** An analyzer we do not mirror, and why. */
export interface Skipped { readonly skip: string }
/** An analyzer we mirror: the istioctl message type -> the codes of ours that report it. */
export interface Mirrored { readonly messages: Readonly<Record<string, readonly string[]>> }

/** Every analyzer of istioctl's test table. */
export const ANALYZERS: Readonly<Record<string, Skipped | Mirrored>> = {
  'annotations.K8sAnalyzer': { skip: 'Istio annotations on Kubernetes objects: outside the networking and security kinds' },
  'maturity.AlphaAnalyzer': { skip: 'feature maturity of annotations: outside the networking and security kinds' },
  'deprecation.FieldAnalyzer': { skip: 'deprecated fields of older API versions: the schema check (CI0016) reports fields the 1.30 CRDs dropped' },
  'externalcontrolplane.ExternalControlPlaneAnalyzer': { skip: 'webhook configurations of an external control plane: Istio\'s installation, not mesh configuration' },
  'gateway.IngressGatewayPortAnalyzer': { messages: { ReferencedResourceNotFound: ['CI1040'], GatewayPortNotDefinedOnService: ['CI1041'] } },
  'gateway.SecretAnalyzer': { skip: 'needs the TLS Secrets (from a live cluster)' },
  'gateway.ConflictingGatewayAnalyzer': { messages: { ConflictingGateways: ['CI1042'] } },
  'gateway.CertificateAnalyzer': { messages: { GatewayDuplicateCertificate: ['CI1043'] } },
  'injection.Analyzer': { messages: { NamespaceNotInjected: ['CI1013'], PodMissingProxy: ['CI1061'], NamespaceMultipleInjectionLabels: ['CI1062'], NamespaceInjectionEnabledByDefault: [] } },
  'injection.ImageAnalyzer': { skip: 'needs the sidecar injector\'s ConfigMap and the images of running proxies (a live cluster)' },
  'injection.ImageAutoAnalyzer': { messages: { ImageAutoWithoutInjectionWarning: ['CI1063'], ImageAutoWithoutInjectionError: ['CI1063'] } },
  'service.PortNameAnalyzer': { messages: { PortNameIsNotUnderNamingConvention: ['CI1011'], ExternalNameServiceTypeInvalidPortName: ['CI1060'] } },
  'sidecar.SelectorAnalyzer': { messages: { MultipleSidecarsWithoutWorkloadSelectors: ['CI1068'], ConflictingSidecarWorkloadSelectors: ['CI1069'], ReferencedResourceNotFound: ['CI1067'], IneffectivePolicy: ['CI1070'] } },
  'virtualservice.ConflictingMeshGatewayHostsAnalyzer': { messages: { ConflictingMeshGatewayVirtualServiceHosts: ['CI1007'] } },
  'virtualservice.DestinationHostAnalyzer': {
    messages: {
      ReferencedResourceNotFound: ['CI1002', 'CI1005'], VirtualServiceDestinationPortSelectorRequired: ['CI1004'], IngressRouteRulesNotAffected: ['CI1018'],
    },
  },
  'virtualservice.DestinationRuleAnalyzer': { messages: { ReferencedResourceNotFound: ['CI1003'] } },
  'virtualservice.GatewayAnalyzer': {
    // a missing gateway admits no host: istioctl reports it twice (IST0101 and IST0132), CI1001 once
    messages: { ReferencedResourceNotFound: ['CI1001'], VirtualServiceHostNotFoundInGateway: ['CI1006', 'CI1001'], ReferencedInternalGateway: ['CI1017'] },
  },
  'virtualservice.JWTClaimRouteAnalyzer': { messages: { JwtClaimBasedRoutingWithoutRequestAuthN: ['CI1019'] } },
  'deployment.ServiceAssociationAnalyzer': { messages: { DeploymentAssociatedToMultipleServices: ['CI1064'], DeploymentConflictingPorts: ['CI1065'] } },
  'deployment.ApplicationUIDAnalyzer': { messages: { InvalidApplicationUID: ['CI1066'] } },
  'multicluster.MeshNetworksAnalyzer': { skip: 'needs MeshNetworks (Istio\'s installation)' },
  'authn.BlockedCIDRsAnalyzer': { skip: 'reads istiod\'s own Deployment (Istio\'s installation), not mesh configuration' },
  'authz.AuthorizationPoliciesAnalyzer': { messages: { NoMatchingWorkloadsFound: ['CI1067'], ReferencedResourceNotFound: ['CI1090'] } },
  'destinationrule.CaCertificateAnalyzer': { messages: { NoServerCertificateVerificationDestinationLevel: ['CI1044'], NoServerCertificateVerificationPortLevel: ['CI1044'] } },
  'destinationrule.PodNotSelectedAnalyzer': { messages: { DestinationRuleSubsetNotSelectPods: ['CI1009'], UnknownDestinationRuleHost: ['CI1015'] } },
  'schemaValidation.CollectionValidationAnalyzer(collections.VirtualService)': { messages: { VirtualServiceUnreachableRule: ['CI0132', 'CI1008'], VirtualServiceIneffectiveMatch: ['CI0132', 'CI1008'] } },
  'serviceentry.ProtocolAddressesAnalyzer': { messages: { ServiceEntryAddressesRequired: ['CI0405'] } },
  'webhook.Analyzer': { skip: 'webhook configurations: Istio\'s installation, not mesh configuration' },
  'envoyfilter.EnvoyPatchAnalyzer': { skip: 'EnvoyFilter patches of Envoy\'s own configuration: outside the typed mesh configuration this product writes and checks (the CRD schema and CEL rules still check EnvoyFilters)' },
  'telemetry.ProviderAnalyzer': { skip: 'Telemetry is outside the networking and security kinds (and providers live in MeshConfig)' },
  'telemetry.SelectorAnalyzer': { skip: 'Telemetry is outside the networking and security kinds' },
  'telemetry.DefaultSelectorAnalyzer': { skip: 'Telemetry is outside the networking and security kinds' },
  'telemetry.LightstepAnalyzer': { skip: 'Telemetry is outside the networking and security kinds (and needs MeshConfig)' },
  'k8sgateway.SelectorAnalyzer': { skip: 'the Kubernetes Gateway API: a later issue' },
  'k8sgateway.CRDVersionAnalyzer': { skip: 'the Kubernetes Gateway API CRDs: a later issue' },
  'conditions.ConditionAnalyzer': { skip: 'status conditions written by a live cluster' },
};

/** Cases of an analyzer we mirror that we skip anyway, and why (cases with a MeshConfig or MeshNetworks file are skipped for that reason). */
export const SKIPPED_CASES: Readonly<Record<string, string>> = {
  istioInjectionEnableNamespacesByDefault: 'needs the sidecar injector\'s ConfigMap (testdata/common/sidecar-injector-enabled-nsbydefault.yaml), which says namespaces are injected by default',
};

/**
 * Expected istioctl messages we do not report yet: `case name` -> `Type Kind ns/name` -> why.
 * The lead's goal is to empty this list.
 */
export const GAPS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
};

/**
 * Findings of ours that istioctl's case does not expect, because the input really holds that
 * mistake (istioctl runs one analyzer per case; we run every check): `case name` -> `CODE Kind ns/name` -> why.
 */
export const EXTRAS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  "istioInjection": {
    "CI1012": "the input really holds that mistake: the pods of the injected namespace default have no app and version labels (telemetry's canonical service and revision; no istioctl counterpart)",
  },
  "serviceMultipleDeployments": {
    "CI1013": "the case's files hold a Namespace without any injection label (istioctl's injection.Analyzer reports IST0102 NamespaceNotInjected for it)",
  },
  "Detect `image: auto` in non-injected pods": {
    "CI1013": "the case's files hold a Namespace without any injection label (istioctl's injection.Analyzer reports IST0102 NamespaceNotInjected for it)",
  },
  "gatewayNoWorkload": {
    "CI0302": "the input breaks the rule: gateway has no servers; Istio requires at least one (spec.servers of Gateway httpbin-gateway)",
  },
  "conflicting gateways with multiple port declarations": {
    "CI0305": "the input breaks the rule: port name 'tcp' is already used by spec.servers[0]; port names must be unique in a Gateway (spec.servers[1].port.name of Gateway beta)",
    "CI1041": "ports 70 and 90 are not ports of the default ingress gateway's Service (80, 443, 31400, 15443): istioctl's IngressGatewayPortAnalyzer reports IST0162 for them",
  },
  "conflicting gateways detect by sub selector": {
    "CI1041": "no Service selects the case's gateway pods, so port 80 cannot be reached through one: istioctl's IngressGatewayPortAnalyzer reports IST0162 for it",
  },
  "certificate duplication in Gateway": {
    "CI1041": "no Service selects the internal-ingressgateway pod that these Gateways (selector type=internal) pick: istioctl's IngressGatewayPortAnalyzer reports IST0162 for port 443",
  },
  "conflicting gateways detect: no port": {
    "CI0304": "the input breaks the rule: server has no port (spec.servers[0].port of Gateway beta)",
  },
  "sidecarDefaultSelector": {
    "CI1012": "the input really holds that mistake: the pod of the ambient namespace ns-ambient has no version label (telemetry's canonical revision; no istioctl counterpart)",
    "CI1013": "the case's files hold a Namespace without any injection label (istioctl's injection.Analyzer reports IST0102 NamespaceNotInjected for it)",
    "CI1062": "the case's files hold Namespaces labelled both istio.io/dataplane-mode=ambient and istio-injection=enabled or istio.io/rev (istioctl's injection.Analyzer reports IST0123 NamespaceMultipleInjectionLabels for them)",
    "CI0501": "the input breaks the rule: sidecar configures nothing: it has no egress, ingress, outboundTrafficPolicy or inboundConnectionPool, and Istio rejects an empty Sidecar (spec of Sidecar ns-ambient/namespace-scoped)",
  },
  "virtualServiceConflictingMeshGatewayHosts": {
    "CI1002": "the case's files define no Service or ServiceEntry for these destination hosts (istioctl's DestinationHostAnalyzer reports IST0101 for them)",
    "CI1001": "the Gateways these VirtualServices bind to are not in the case's files (istioctl's GatewayAnalyzer reports IST0101 for them)",
  },
  "virtualServiceConflictingMeshGatewayHostsWithExportTo": {
    "CI1002": "the case's files define no Service or ServiceEntry for these destination hosts (istioctl's DestinationHostAnalyzer reports IST0101 for them)",
  },
  "virtualServiceDestinationHosts": {
    "CI0401": "the input breaks the rule: host '*' is not allowed in a service entry (spec.hosts[0] of ServiceEntry default-ignore/service-entry-ignore)",
    "CI1003": "no DestinationRule in the case's files defines these subsets (istioctl's DestinationRuleAnalyzer reports IST0101 for them)",
    "CI0126": "the input breaks the rule: the weights of the destinations add up to 0 (a missing weight counts as 0), so no traffic can be sent (spec.http[0].route of VirtualService default/reviews-bogushost)",
    "CI0125": "the input breaks the rule: the route entry has no destination (spec.http[0].route[0].destination of VirtualService default/reviews-bogushost)",
    "CI1007": "the input breaks the rule: host 'hello' for the sidecars (mesh) is also claimed by VirtualService hello/hello-export-to-bogus; Istio uses only one of them (spec.hosts[0] of VirtualService hello/hello)",
  },
  "virtualServiceDestinationRules": {
    "CI1002": "the case's files define no Service or ServiceEntry for these destination hosts (istioctl's DestinationHostAnalyzer reports IST0101 for them)",
    "CI1015": "the DestinationRule host is defined nowhere in the case's files (istioctl's PodNotSelectedAnalyzer reports IST0174)",
  },
  "virtualServiceGateways": {
    "CI0302": "the input breaks the rule: gateway has no servers; Istio requires at least one (spec.servers of Gateway httpbin-gateway)",
    "CI0103": "the input breaks the rule: the VirtualService has no routes: spec.http, spec.tcp and spec.tls are all empty (spec.http of VirtualService httpbin)",
    "CI0101": "the input breaks the rule: host '*' is not allowed for a VirtualService that applies to the sidecars (no gateways, or the 'mesh' gateway among them) (spec.hosts[0] of VirtualService httpbin-mesh)",
  },
  "virtualServiceJWTClaimRoute": {
    "CI1002": "the case's files define no Service or ServiceEntry for these destination hosts (istioctl's DestinationHostAnalyzer reports IST0101 for them)",
  },
  "virtualServiceInternalGatewayRef": {
    "CI0105": "the input breaks the rule: gateway 'istio-ingress/gateway~istio-autogenerated-k8s-gateway~foo' has a name 'gateway~istio-autogenerated-k8s-gateway~foo' that is not a DNS-1123 label (spec.gateways[0] of VirtualService httpbin)",
    "CI1002": "the case's files define no Service or ServiceEntry for these destination hosts (istioctl's DestinationHostAnalyzer reports IST0101 for them)",
  },
  "authorizationpolicies": {
    "CI1061": "the case's files hold a Pod without istio-proxy in the injected namespace httpbin (istioctl's injection.Analyzer reports IST0103 PodMissingProxy for it)",
    "CI0401": "the input breaks the rule: host '*.kiali.io' is a wildcard, but resolution DNS without endpoints resolves the hosts themselves by DNS (spec.hosts[1] of ServiceEntry httpbin/istio)",
  },
  "destinationrule with no cacert, simple at destinationlevel": {
    "CI1015": "the DestinationRule host is defined nowhere in the case's files (istioctl's PodNotSelectedAnalyzer reports IST0174)",
  },
  "destinationrule with no cacert, mutual at destinationlevel": {
    "CI1015": "the DestinationRule host is defined nowhere in the case's files (istioctl's PodNotSelectedAnalyzer reports IST0174)",
  },
  "destinationrule with no cacert, simple at portlevel": {
    "CI1015": "the DestinationRule host is defined nowhere in the case's files (istioctl's PodNotSelectedAnalyzer reports IST0174)",
  },
  "destinationrule with credentialname, simple at destinationlevel, no workloadSelector": {
    "CI1015": "the DestinationRule host is defined nowhere in the case's files (istioctl's PodNotSelectedAnalyzer reports IST0174)",
  },
  "destinationrule with credentialname, simple at destinationlevel, workloadSelector": {
    "CI1015": "the DestinationRule host is defined nowhere in the case's files (istioctl's PodNotSelectedAnalyzer reports IST0174)",
  },
  "destinationrule with credentialname, simple at portlevel, no workloadSelector": {
    "CI1015": "the DestinationRule host is defined nowhere in the case's files (istioctl's PodNotSelectedAnalyzer reports IST0174)",
  },
  "destinationrule with credentialname, simple at portlevel, workloadSelector": {
    "CI1015": "the DestinationRule host is defined nowhere in the case's files (istioctl's PodNotSelectedAnalyzer reports IST0174)",
  },
  "destinationrule with no cacert, mutual at portlevel": {
    "CI1015": "the DestinationRule host is defined nowhere in the case's files (istioctl's PodNotSelectedAnalyzer reports IST0174)",
  },
  "destinationrule with no cacert, mutual at destinationlevel and simple at port level": {
    "CI1015": "the DestinationRule host is defined nowhere in the case's files (istioctl's PodNotSelectedAnalyzer reports IST0174)",
  },
  "destinationrule with no cacert, simple at destinationlevel and mutual at port level": {
    "CI1015": "the DestinationRule host is defined nowhere in the case's files (istioctl's PodNotSelectedAnalyzer reports IST0174)",
  },
  "destinationrule with both cacerts": {
    "CI1015": "the DestinationRule host is defined nowhere in the case's files (istioctl's PodNotSelectedAnalyzer reports IST0174)",
  },
  "dupmatches": {
    "CI1002": "the case's files define no Service or ServiceEntry for these destination hosts (istioctl's DestinationHostAnalyzer reports IST0101 for them)",
    "CI1007": "the input breaks the rule: host 'sample.baz.svc.cluster.local' for the sidecars (mesh) is also claimed by VirtualService default/non-method-get, default/uri-with-prefix-exact, default/overlapping-in-single-match, default/overlapping-in-two-matches, default/overlapping-mathes-with-different-methods; Istio uses only one of them (spec.hosts[0] of VirtualService duplicate-match)",
    "CI1001": "the Gateways these VirtualServices bind to are not in the case's files (istioctl's GatewayAnalyzer reports IST0101 for them)",
  },
  "host defined in virtualservice not found in the gateway": {
    "CI1002": "the case's files define no Service or ServiceEntry for these destination hosts (istioctl's DestinationHostAnalyzer reports IST0101 for them)",
    "CI0305": "the input breaks the rule: port name 'http' is already used by spec.servers[0]; port names must be unique in a Gateway (spec.servers[1].port.name of Gateway istio-system/testing-gateway-01-test-04)",
    "CI1007": "the input breaks the rule: host 'user.api.testing-03.com' on gateway 'istio-system/testing-gateway-01-test-03' is also claimed by VirtualService default/testing-service-02-test-03; Istio merges their routes in creation order (spec.hosts[0] of VirtualService default/testing-service-01-test-03)",
  },
  "host defined in virtualservice not found in the gateway(beta version)": {
    "CI1002": "the case's files define no Service or ServiceEntry for these destination hosts (istioctl's DestinationHostAnalyzer reports IST0101 for them)",
    "CI0305": "the input breaks the rule: port name 'http' is already used by spec.servers[0]; port names must be unique in a Gateway (spec.servers[1].port.name of Gateway istio-system/testing-gateway-01-test-04)",
    "CI1007": "the input breaks the rule: host 'user.api.testing-03.com' on gateway 'istio-system/testing-gateway-01-test-03' is also claimed by VirtualService default/testing-service-02-test-03; Istio merges their routes in creation order (spec.hosts[0] of VirtualService default/testing-service-01-test-03)",
  },
  "host defined in virtualservice not found in the gateway with ns": {
    "CI1002": "the case's files define no Service or ServiceEntry for these destination hosts (istioctl's DestinationHostAnalyzer reports IST0101 for them)",
    "CI1007": "the input breaks the rule: host 'testing-01.com' on gateway 'istio-system/testing-gateway' is also claimed by VirtualService default/testing-service-01-test-01; Istio merges their routes in creation order (spec.hosts[0] of VirtualService istio-system/testing-service-01-test-01)",
  },
  "host defined in virtualservice not found in the gateway with ns(beta version)": {
    "CI1002": "the case's files define no Service or ServiceEntry for these destination hosts (istioctl's DestinationHostAnalyzer reports IST0101 for them)",
    "CI1007": "the input breaks the rule: host 'testing-01.com' on gateway 'istio-system/testing-gateway' is also claimed by VirtualService default/testing-service-01-test-01; Istio merges their routes in creation order (spec.hosts[0] of VirtualService istio-system/testing-service-01-test-01)",
  },
};
