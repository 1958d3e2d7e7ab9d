/**
 * The registry of checks: every check cdk8s-istio runs, in code order. The README's check table,
 * the check catalog (`CHECKS`) and the package's exports all come from this one list; adding a
 * check is one file under `checks/` plus one line here.
 */
import { Check } from './check';
import { ConflictingDestinationRules } from './checks/mesh/conflicting-destination-rules';
import { ConflictingVirtualServices } from './checks/mesh/conflicting-virtual-services';
import { DestinationHostNotFound } from './checks/mesh/destination-host-not-found';
import { DestinationPortNotFound } from './checks/mesh/destination-port-not-found';
import { DestinationPortRequired } from './checks/mesh/destination-port-required';
import { DestinationRuleHostNotFound } from './checks/mesh/destination-rule-host-not-found';
import { GatewayHostNotServed } from './checks/mesh/gateway-host-not-served';
import { GatewayNotFound } from './checks/mesh/gateway-not-found';
import { MissingAppVersionLabels } from './checks/mesh/missing-app-version-labels';
import { MtlsConflict } from './checks/mesh/mtls-conflict';
import { PortNameNotProtocol } from './checks/mesh/port-name-not-protocol';
import { SubsetNotFound } from './checks/mesh/subset-not-found';
import { SubsetSelectsNoPods } from './checks/mesh/subset-selects-no-pods';
import { UnreachableRoute } from './checks/mesh/unreachable-route';
import { ApplicationUsesProxyUid } from './checks/mesh/application-uses-proxy-uid';
import { ConflictingSidecarSelectors } from './checks/mesh/conflicting-sidecar-selectors';
import { ExternalNamePortName } from './checks/mesh/external-name-port-name';
import { ImageAutoWithoutInjection } from './checks/mesh/image-auto-without-injection';
import { IneffectiveSidecar } from './checks/mesh/ineffective-sidecar';
import { MultipleDefaultSidecars } from './checks/mesh/multiple-default-sidecars';
import { NamespaceMultipleInjectionLabels } from './checks/mesh/namespace-multiple-injection-labels';
import { NamespaceNotInjected } from './checks/mesh/namespace-not-injected';
import { PodMissingProxy } from './checks/mesh/pod-missing-proxy';
import { SelectorMatchesNoWorkload } from './checks/mesh/selector-matches-no-workload';
import { SidecarEgressHidesRoutes } from './checks/mesh/sidecar-egress-hides-routes';
import { SidecarEgressHostNotFound } from './checks/mesh/sidecar-egress-host-not-found';
import { WorkloadPortProtocolConflict } from './checks/mesh/workload-port-protocol-conflict';
import { WorkloadTargetPortConflict } from './checks/mesh/workload-target-port-conflict';
import { ReferencedInternalGateway } from './checks/mesh/referenced-internal-gateway';
import { IngressRouteRulesNotAffected } from './checks/mesh/ingress-route-rules-not-affected';
import { JwtClaimRoutingWithoutRequestAuthentication } from './checks/mesh/jwt-claim-routing-without-request-authentication';
import { DelegateNotFound } from './checks/mesh/delegate-not-found';
import { HttpRoutesForTcpService } from './checks/mesh/http-routes-for-tcp-service';
import { DuplicateSplitDestination } from './checks/mesh/duplicate-split-destination';
import { GatewayRoutesHidden } from './checks/mesh/gateway-routes-hidden';
import { AuthorizationNamespaceNotFound } from './checks/mesh/authorization-namespace-not-found';
import { AuthorizationSourceOutsideMesh } from './checks/mesh/authorization-source-outside-mesh';
import { PrincipalServiceAccountNotFound } from './checks/mesh/principal-service-account-not-found';
import { AuthorizationSourceWithoutMtls } from './checks/mesh/authorization-source-without-mtls';
import { AuthorizationHostNotFound } from './checks/mesh/authorization-host-not-found';
import { MultipleNamespacePeerAuthentications } from './checks/mesh/multiple-namespace-peer-authentications';
import { ConflictingPeerAuthentications } from './checks/mesh/conflicting-peer-authentications';
import { GatewaySelectorMatchesNoWorkload } from './checks/mesh/gateway-selector-matches-no-workload';
import { GatewayPortNotOnService } from './checks/mesh/gateway-port-not-on-service';
import { ConflictingGateways } from './checks/mesh/conflicting-gateways';
import { GatewayDuplicateCertificate } from './checks/mesh/gateway-duplicate-certificate';
import { NoServerCertificateVerification } from './checks/mesh/no-server-certificate-verification';
import { COMMON_CHECKS } from './checks/object/common';
import { DESTINATION_RULE_CHECKS } from './checks/object/destination-rule';
import { GATEWAY_CHECKS } from './checks/object/gateway';
import { SECURITY_CHECKS } from './checks/object/security';
import { SERVICE_ENTRY_CHECKS } from './checks/object/service-entry';
import { SIDECAR_CHECKS } from './checks/object/sidecar';
import { VIRTUAL_SERVICE_CHECKS } from './checks/object/virtual-service';
import { WORKLOAD_ENTRY_CHECKS } from './checks/object/workload-entry';
import { ConstructValidation } from './checks/input/construct-validation';
import { InvalidSuppression } from './checks/input/invalid-suppression';
import { RenderFailed } from './checks/input/render-failed';
import { UnreadableManifest } from './checks/input/unreadable-manifest';

/**
 * Every check, in code order: the object checks (`CI0xxx`: what Istio's webhook and the CRDs
 * reject or warn about, one object at a time) and the mesh checks (`CI1xxx`: across objects, as
 * `istioctl analyze` and Kiali).
 *
 * @see https://istio.io/latest/docs/reference/config/analysis/
 */
export const ALL_CHECKS: readonly Check[] = sortByCode([
  // input checks
  ConstructValidation, RenderFailed, UnreadableManifest, InvalidSuppression,
  // object checks, by kind: CI00xx common, CI01xx VirtualService, CI02xx DestinationRule,
  // CI03xx Gateway, CI04xx ServiceEntry, CI05xx Sidecar, CI06xx WorkloadEntry and WorkloadGroup,
  // CI07xx-CI08xx security
  ...COMMON_CHECKS, ...VIRTUAL_SERVICE_CHECKS, ...DESTINATION_RULE_CHECKS, ...GATEWAY_CHECKS, ...SERVICE_ENTRY_CHECKS,
  ...SIDECAR_CHECKS, ...WORKLOAD_ENTRY_CHECKS, ...SECURITY_CHECKS,
  // mesh checks
  GatewayNotFound, DestinationHostNotFound, SubsetNotFound, DestinationPortRequired, DestinationPortNotFound,
  GatewayHostNotServed, ConflictingVirtualServices, UnreachableRoute, SubsetSelectsNoPods, ConflictingDestinationRules,
  PortNameNotProtocol, MissingAppVersionLabels, NamespaceNotInjected, MtlsConflict, DestinationRuleHostNotFound,
  // mesh checks of gateways and client TLS (CI1040-CI1059)
  GatewaySelectorMatchesNoWorkload, GatewayPortNotOnService, ConflictingGateways, GatewayDuplicateCertificate, NoServerCertificateVerification,
  // mesh checks of workloads, injection and Sidecars (CI1060-CI1089)
  ExternalNamePortName, PodMissingProxy, NamespaceMultipleInjectionLabels, ImageAutoWithoutInjection,
  WorkloadPortProtocolConflict, WorkloadTargetPortConflict, ApplicationUsesProxyUid, SelectorMatchesNoWorkload,
  MultipleDefaultSidecars, ConflictingSidecarSelectors, IneffectiveSidecar, SidecarEgressHostNotFound, SidecarEgressHidesRoutes,
  ReferencedInternalGateway, IngressRouteRulesNotAffected, JwtClaimRoutingWithoutRequestAuthentication, DelegateNotFound,
  HttpRoutesForTcpService, DuplicateSplitDestination, GatewayRoutesHidden,
  // mesh checks of authorization and peer authentication (CI1090-CI1099)
  AuthorizationNamespaceNotFound, AuthorizationSourceOutsideMesh, PrincipalServiceAccountNotFound, AuthorizationSourceWithoutMtls,
  AuthorizationHostNotFound, MultipleNamespacePeerAuthentications, ConflictingPeerAuthentications,
]);

/**
 * The checks by code.
 *
 * @see https://istio.io/latest/docs/reference/config/analysis/
 */
export const CHECKS: { readonly [code: string]: Check } = Object.freeze(Object.fromEntries(ALL_CHECKS.map((c) => [c.code, c])));

function sortByCode(checks: Check[]): readonly Check[] {
  const codes = new Set<string>();
  for (const c of checks) {
    if (codes.has(c.code)) throw new Error(`two checks use code ${c.code}`);
    codes.add(c.code);
  }
  return Object.freeze([...checks].sort((a, b) => (a.code < b.code ? -1 : 1)));
}

/**
 * The check of a code, or `undefined` for a code no check has.
 *
 * @see https://istio.io/latest/docs/reference/config/analysis/
 */
export function checkInfo(code: string): Check | undefined {
  return CHECKS[code];
}
