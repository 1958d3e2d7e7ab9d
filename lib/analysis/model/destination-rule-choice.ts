/**
 * Which DestinationRules istiod applies to one host for a proxy of one namespace
 * (`PushContext.destinationRule` and `setDestinationRules` in `pilot/pkg/model/push_context.go`):
 * the rules of the proxy's own namespace first, then those the Service's namespace exports to
 * it, then those the root namespace exports to it; within each namespace only the most specific
 * host counts (an exact host before any wildcard, a longer wildcard before a shorter one).
 */
import { asArray } from '../manifest/read';
import { ManifestObject } from '../manifest-object';
import { isWildcard, toFqdn } from './hosts';
import { exportScope, isVisible } from './visibility';

/** Istio's root namespace, where mesh-wide DestinationRules live (MeshConfig `rootNamespace` default). */
const ROOT_NAMESPACE = 'istio-system';

/**
 * Where the DestinationRules istiod applies come from.
 *
 * @see https://istio.io/latest/docs/ops/best-practices/traffic-management/#cross-namespace-configuration
 */
export enum DestinationRuleSource {
  /** The proxy's own namespace (rules exported to it, or private to it). */
  PROXY_NAMESPACE = 'proxy-namespace',
  /** The namespace of the Service (or ServiceEntry), for rules it exports to the proxy's namespace. */
  SERVICE_NAMESPACE = 'service-namespace',
  /** The root namespace (`istio-system`), for rules it exports to the proxy's namespace. */
  ROOT_NAMESPACE = 'root-namespace',
}

/**
 * The DestinationRules istiod applies to a host for proxies of one namespace.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/destination-rule/
 */
export interface AppliedDestinationRules {
  /** The rules (several when rules of one namespace share the most specific host: istiod merges them). */
  readonly rules: readonly ManifestObject[];
  /** The namespace they come from. */
  readonly namespace: string;
  /** Why that namespace. */
  readonly source: DestinationRuleSource;
}

/**
 * Picks, among `candidates` (every DestinationRule whose host covers `fqdn`, in any namespace),
 * the ones istiod applies for a proxy in `proxyNamespace`; `serviceNamespace` is the namespace
 * of the Service or ServiceEntry that defines the host, when known. `undefined` when none applies.
 *
 * A rule with a `workloadSelector` is private to its namespace; a rule whose `exportTo` is only
 * its own namespace is private too (other namespaces never see it); `exportTo` absent means every
 * namespace (MeshConfig `defaultDestinationRuleExportTo` is not modelled).
 *
 * @see https://istio.io/latest/docs/ops/best-practices/traffic-management/#cross-namespace-configuration
 */
export function chooseDestinationRules(candidates: readonly ManifestObject[], fqdn: string, proxyNamespace: string, serviceNamespace?: string): AppliedDestinationRules | undefined {
  const inNamespace = (ns: string) => candidates.filter((dr) => dr.namespace === ns);
  if (proxyNamespace !== ROOT_NAMESPACE) {
    const local = mostSpecific(inNamespace(proxyNamespace).filter((dr) => isNamespaceLocal(dr)), fqdn);
    if (local.length > 0) return { rules: local, namespace: proxyNamespace, source: DestinationRuleSource.PROXY_NAMESPACE };
  } else {
    const local = mostSpecific(inNamespace(ROOT_NAMESPACE).filter((dr) => isPrivateOnly(dr)), fqdn);
    if (local.length > 0) return { rules: local, namespace: ROOT_NAMESPACE, source: DestinationRuleSource.PROXY_NAMESPACE };
  }
  const exported = (ns: string) => mostSpecific(inNamespace(ns).filter((dr) => !isPrivateOnly(dr)), fqdn)
    .filter((dr) => isVisible(exportScope(dr), proxyNamespace));
  if (serviceNamespace !== undefined) {
    const rules = exported(serviceNamespace);
    if (rules.length > 0) return { rules, namespace: serviceNamespace, source: DestinationRuleSource.SERVICE_NAMESPACE };
  }
  const root = exported(ROOT_NAMESPACE);
  return root.length > 0 ? { rules: root, namespace: ROOT_NAMESPACE, source: DestinationRuleSource.ROOT_NAMESPACE } : undefined;
}

/**
 * The host of a DestinationRule as istiod reads it (short names expanded in its namespace).
 *
 * @see https://istio.io/latest/docs/reference/config/networking/destination-rule/#DestinationRule
 */
export function destinationRuleFqdn(dr: ManifestObject): string | undefined {
  const host = dr.manifest.spec?.host;
  return typeof host === 'string' && host !== '' ? toFqdn(host, dr.namespace) : undefined;
}

/** `exportTo` as written, `.` resolved; a rule with a workload selector is private (istiod ignores its exportTo). */
function exportEntries(dr: ManifestObject): string[] {
  if (dr.manifest.spec?.workloadSelector) return [dr.namespace];
  return asArray(dr.manifest.spec?.exportTo).filter((e): e is string => typeof e === 'string').map((e) => (e === '.' ? dr.namespace : e));
}

/** Whether proxies of the rule's own namespace use it: exportTo absent, `*`, `.` or the namespace. */
function isNamespaceLocal(dr: ManifestObject): boolean {
  const entries = exportEntries(dr);
  return entries.length === 0 || entries.includes('*') || entries.includes(dr.namespace);
}

/** Whether the rule is exported to its own namespace only (or has a workload selector). */
function isPrivateOnly(dr: ManifestObject): boolean {
  const entries = exportEntries(dr);
  return entries.length === 1 && entries[0] === dr.namespace;
}

/** The rules of the most specific host that covers `fqdn`: an exact host, else the longest wildcard. */
function mostSpecific(rules: readonly ManifestObject[], fqdn: string): ManifestObject[] {
  let best: string | undefined;
  let out: ManifestObject[] = [];
  for (const dr of rules) {
    const host = destinationRuleFqdn(dr);
    if (host === undefined) continue;
    if (best === undefined || moreSpecific(host, best, fqdn)) {
      best = host;
      out = [dr];
    } else if (host === best) {
      out.push(dr);
    }
  }
  return out;
}

/** Whether `a` is a more specific match for `fqdn` than `b`: the exact host wins, then the longer wildcard. */
function moreSpecific(a: string, b: string, fqdn: string): boolean {
  if (a === b) return false;
  if (a === fqdn) return true;
  if (b === fqdn) return false;
  if (isWildcard(a) !== isWildcard(b)) return !isWildcard(a);
  return a.length > b.length;
}
