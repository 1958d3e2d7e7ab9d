import { asArray, asRecord, eachEntry, isRecord } from '../../manifest/read';
import { formatLabels, gatewaysOf, MeshModel, ModelObject, PodTemplate, qualifiedName, ROOT_NAMESPACE, selects } from '../../model/mesh-model';
import { defineCheck } from '../../check';
import { Severity } from '../../finding';

const JWT_CLAIM = '@request.auth.claims';

/** Istio's jwt.ToRoutingClaim(...).Match: `@request.auth.claims.<claim>` or `@request.auth.claims[<claim>]` (prefix in any case). */
function isClaimHeader(name: string): boolean {
  if (!name.toLowerCase().startsWith(JWT_CLAIM)) return false;
  const rest = name.slice(JWT_CLAIM.length);
  return (rest.startsWith('.') && rest.length > 1) || (rest.startsWith('[') && rest.endsWith(']') && rest.length > 2);
}

/** The first HTTP match header (or withoutHeaders entry) that routes on a JWT claim, with its field. */
function claimRoute(vs: ModelObject): { key: string; field: string } | undefined {
  let found: { key: string; field: string } | undefined;
  asArray(vs.manifest.spec?.http).forEach((route: unknown, i: number) => {
    if (!isRecord(route)) return;
    asArray(route.match).forEach((m: unknown, j: number) => {
      if (!isRecord(m)) return;
      for (const place of ['headers', 'withoutHeaders']) {
        eachEntry(m[place], `spec.http[${i}].match[${j}].${place}`, (key, _v, field) => {
          if (!found && isClaimHeader(key)) found = { key, field };
        });
      }
    });
  });
  return found;
}

/** A RequestAuthentication as a selector of workloads in its namespace (`undefined`: it targets a Kubernetes Gateway instead). */
function selectorOf(ra: ModelObject): Record<string, unknown> | undefined {
  const spec = asRecord(ra.manifest.spec);
  if (spec.targetRef !== undefined || asArray(spec.targetRefs).length > 0) return undefined;
  return asRecord(asRecord(spec.selector).matchLabels);
}

/** The pods of the app a Gateway's selector picks, in any namespace. */
function gatewayPods(model: MeshModel, namespaces: readonly string[], selector: Record<string, unknown>): PodTemplate[] {
  return namespaces.flatMap((ns) => model.pods.select(ns, selector));
}

/**
 * CI1019: a VirtualService routes on a JWT claim (`@request.auth.claims.<claim>` in a match's
 * `headers` or `withoutHeaders`) at a gateway whose workload no RequestAuthentication applies
 * to (an error, as istioctl IST0149).
 *
 * The claims exist only after a RequestAuthentication has validated the token at the gateway, so
 * without one the match never holds and the requests fall through to the next routes. A
 * RequestAuthentication applies to the gateway pods when it is in the root namespace
 * (`istio-system`) or in the pods' namespace, and its selector (if any) matches their labels.
 * When the app holds no pod that the Gateway's selector picks (the ingress gateway is usually
 * installed with Istio), the gateway workload is assumed to carry the selector's labels in
 * `istio-system` or in the Gateway's namespace, as istioctl assumes its default ingress gateway.
 *
 * @see https://istio.io/latest/docs/tasks/security/authentication/jwt-route/
 * @see https://istio.io/latest/docs/reference/config/analysis/ist0149/
 */
export const JwtClaimRoutingWithoutRequestAuthentication = defineCheck({
  code: 'CI1019',
  name: 'JwtClaimRoutingWithoutRequestAuthentication',
  severity: Severity.ERROR,
  counterpart: 'IST0149 JwtClaimBasedRoutingWithoutRequestAuthN',
  catches: 'a VirtualService routes on a JWT claim at a gateway whose workload no RequestAuthentication applies to',
  scope: 'mesh',
  evaluate({ model, report }) {
    const routing = model.virtualServices.map((vs) => ({ vs, claim: claimRoute(vs) })).filter((r) => r.claim !== undefined);
    if (routing.length === 0) return;
    const authByNamespace = new Map<string, Record<string, unknown>[]>();
    for (const ra of model.requestAuthentications) {
      const selector = selectorOf(ra);
      if (!selector) continue;
      const list = authByNamespace.get(ra.namespace);
      if (list) list.push(selector);
      else authByNamespace.set(ra.namespace, [selector]);
    }
    const podNamespaces = [...new Set(model.podTemplates.map((p) => p.namespace))];
    const covered = (namespace: string, labels: Record<string, string>) =>
      [...authByNamespace.get(ROOT_NAMESPACE) ?? [], ...ROOT_NAMESPACE === namespace ? [] : authByNamespace.get(namespace) ?? []].some((s) => selects(s, labels));
    const uncovered = new Map<string, string | undefined>();
    // what is missing for one gateway: the uncovered pods, or the assumed workload; undefined when covered
    const missingFor = (gateway: ModelObject): string | undefined => {
      const key = qualifiedName(gateway);
      if (uncovered.has(key)) return uncovered.get(key);
      const selector = Object.fromEntries(Object.entries(asRecord(gateway.manifest.spec?.selector)).map(([k, v]) => [k, String(v)]));
      let missing: string | undefined;
      if (Object.keys(selector).length > 0) {
        const pods = gatewayPods(model, podNamespaces, selector);
        if (pods.length > 0) {
          const bare = pods.filter((p) => !covered(p.namespace, p.labels as Record<string, string>));
          missing = bare.length === 0 ? undefined : `the gateway pods of ${bare.map((p) => `${p.owner.kind} ${p.owner.qualifiedName}`).join(', ')}`;
        } else if (!covered(ROOT_NAMESPACE, selector) && !covered(gateway.namespace, selector)) {
          missing = `the gateway workload (labels ${formatLabels(selector)}, assumed in namespace '${ROOT_NAMESPACE}'${gateway.namespace === ROOT_NAMESPACE ? '' : ` or '${gateway.namespace}'`})`;
        }
      }
      uncovered.set(key, missing);
      return missing;
    };
    for (const { vs, claim } of routing) {
      for (const ref of gatewaysOf(vs)) {
        if (ref.key === 'mesh') continue; // CI0106: Istio's webhook rejects claim routing for the sidecars
        const gateway = model.gateway(ref.namespace!, ref.name);
        if (!gateway) continue; // CI1001
        const missing = missingFor(gateway);
        if (!missing) continue;
        report(vs, {
          field: claim!.field, value: claim!.key,
          message: `routing on JWT claim '${claim!.key}' at gateway '${ref.key}' needs a RequestAuthentication for ${missing}, and none applies to it: without a validated token the claim is absent and the match never holds`,
          fix: `add a RequestAuthentication (spec.jwtRules) in namespace '${ROOT_NAMESPACE}' or the gateway pods' namespace whose spec.selector.matchLabels the gateway pods carry (${formatLabels(asRecord(gateway.manifest.spec?.selector))})`,
        });
      }
    }
  },
});
