import { isWildcard, toFqdn } from '../../model/hosts';
import { ExportScope, exportScope } from '../../model/visibility';
import { asArray, gatewaysOf, MeshModel, ModelObject, qualifiedName } from '../../model/mesh-model';
import { defineCheck } from '../../check';
import { Severity } from '../../finding';

/** One host a VirtualService claims for one gateway (`mesh` included). */
interface Claim {
  readonly vs: ModelObject;
  readonly field: string;
  /** As written. */
  readonly host: string;
  /** Short names expanded in the VirtualService's namespace. */
  readonly fqdn: string;
  readonly scope: ExportScope;
}

/** Whether some namespace sees both VirtualServices (each is visible where it is exported). */
function shareANamespace(a: ExportScope, b: ExportScope): boolean {
  if (a === '*') return b === '*' || b.size > 0;
  if (b === '*') return a.size > 0;
  return [...a].some((ns) => b.has(ns));
}

/** A namespace both see, for messages. */
function commonNamespace(a: ExportScope, b: ExportScope, fallback: string): string {
  if (a === '*' && b === '*') return fallback;
  if (a === '*') return [...(b as ReadonlySet<string>)].sort()[0];
  if (b === '*') return [...a].sort()[0];
  return [...a].filter((ns) => b.has(ns)).sort()[0];
}

/** The suffix a wildcard covers (`.d` for `*.d`, `` for `*`), and the suffixes a host can be covered by. */
function suffixes(fqdn: string): string[] {
  const name = isWildcard(fqdn) ? fqdn.slice(1) : fqdn;
  const out = [''];
  for (let i = name.indexOf('.'); i >= 0; i = name.indexOf('.', i + 1)) out.push(name.slice(i));
  return out;
}

/** Whether the VirtualService's claim on a gateway counts: the gateway exists (or is declared external) and admits the host. */
function admitted(model: MeshModel, vs: ModelObject, host: string, ref: ReturnType<typeof gatewaysOf>[number]): boolean {
  if (ref.key === 'mesh') return true;
  const gateway = model.gateway(ref.namespace!, ref.name);
  // a missing gateway is CI1001's, a host the gateway does not admit CI1006's: no routes to merge there
  if (!gateway) return model.isExternalGateway(ref.namespace!, ref.name);
  return model.gatewayAdmits(gateway, vs.namespace, host);
}

/**
 * The claims of one gateway that overlap: the same host, or (for `mesh`) a wildcard that covers
 * the other host; each pair once, found through a host and wildcard-suffix index (linear in the
 * claims plus the pairs).
 */
function overlapping(claims: readonly Claim[], wildcards: boolean): Array<[Claim, Claim]> {
  const exact = new Map<string, Claim[]>();
  const bySuffix = new Map<string, Claim[]>();
  for (const c of claims) {
    exact.set(c.fqdn, [...exact.get(c.fqdn) ?? [], c]);
    if (isWildcard(c.fqdn)) bySuffix.set(c.fqdn.slice(1), [...bySuffix.get(c.fqdn.slice(1)) ?? [], c]);
  }
  const pairs: Array<[Claim, Claim]> = [];
  const seen = new Set<string>();
  const add = (a: Claim, b: Claim) => {
    if (a.vs === b.vs) return;
    const key = [qualifiedName(a.vs), a.field, qualifiedName(b.vs), b.field].join(' ');
    const reverse = [qualifiedName(b.vs), b.field, qualifiedName(a.vs), a.field].join(' ');
    if (seen.has(key) || seen.has(reverse)) return;
    seen.add(key);
    pairs.push([a, b]);
  };
  for (const c of claims) {
    for (const other of exact.get(c.fqdn) ?? []) add(c, other);
    if (!wildcards) continue;
    // every wildcard that covers c (found from the more specific side, so each pair once)
    for (const suffix of suffixes(c.fqdn)) {
      for (const other of bySuffix.get(suffix) ?? []) if (other.fqdn !== c.fqdn) add(c, other);
    }
  }
  return pairs;
}

/**
 * CI1007: two VirtualServices claim the same host for the same gateway (`mesh` included), where
 * some namespace sees both.
 *
 * For the sidecars (`mesh`) Istio keeps only one VirtualService per host (by creation time): an
 * error (istioctl IST0109). A VirtualService is visible where it is exported (`exportTo`, `.` its
 * own namespace), so two that no namespace sees together do not clash (`reviews` with
 * `exportTo: ['.']` in two namespaces). Hosts are compared as Istio does: short names expand in
 * each VirtualService's namespace, and a wildcard overlaps the hosts it covers, wildcards
 * included (`*.d` and `*.productpage.d`); for such overlapping but different hosts Istio applies
 * the VirtualService of the most specific host to the names both cover, so the other one's routes
 * never apply there: a warning where istioctl reports an error.
 *
 * On a real gateway Istio merges the routes of VirtualServices for the same host, in an order
 * that depends on creation time, so a route of one can shadow a route of the other: a warning
 * (Kiali KIA1106); splitting on purpose is fine when the routes do not overlap (suppress it with
 * the reason). Only gateways that admit the host for both VirtualServices' namespaces count (a
 * missing gateway is CI1001's, a host the gateway does not admit CI1006's); a wildcard on a
 * gateway that a more specific host hides is CI1023's.
 *
 * @see https://istio.io/latest/docs/ops/best-practices/traffic-management/#split-virtual-services
 * @see https://istio.io/latest/docs/reference/config/analysis/ist0109/
 */
export const ConflictingVirtualServices = defineCheck({
  code: 'CI1007',
  name: 'ConflictingVirtualServices',
  severity: Severity.ERROR,
  counterpart: 'IST0109 ConflictingMeshGatewayVirtualServiceHosts / KIA1106',
  catches: 'two VirtualServices that one namespace sees claim the same (or, for the sidecars, an overlapping) host for the same gateway',
  scope: 'mesh',
  evaluate({ model, report }) {
    const byGateway = new Map<string, Claim[]>();
    for (const vs of model.virtualServices) {
      const refs = gatewaysOf(vs);
      const scope = exportScope(vs);
      asArray(vs.manifest.spec?.hosts).forEach((host: unknown, i: number) => {
        if (typeof host !== 'string' || host === '') return;
        const claim = { vs, field: `spec.hosts[${i}]`, host, fqdn: toFqdn(host, vs.namespace), scope };
        for (const ref of refs) {
          // Istio's webhook rejects '*' for the sidecars (CI0101)
          if (!admitted(model, vs, host, ref) || (ref.key === 'mesh' && host === '*')) continue;
          const list = byGateway.get(ref.key) ?? [];
          if (!list.some((c) => c.vs === vs && c.fqdn === claim.fqdn)) list.push(claim);
          byGateway.set(ref.key, list);
        }
      });
    }
    for (const [gateway, claims] of byGateway) {
      const mesh = gateway === 'mesh';
      const same = new Map<Claim, Claim[]>();
      const overlaps = new Map<Claim, Claim[]>();
      for (const [a, b] of overlapping(claims, mesh)) {
        if (!shareANamespace(a.scope, b.scope)) continue;
        const into = a.fqdn === b.fqdn ? same : overlaps;
        into.set(a, [...into.get(a) ?? [], b]);
        into.set(b, [...into.get(b) ?? [], a]);
      }
      for (const [claim, others] of same) {
        const names = others.map((c) => qualifiedName(c.vs)).join(', ');
        const where = claim.scope === '*' && others.every((o) => o.scope === '*') ? '' : ` (both are visible in namespace '${commonNamespace(claim.scope, others[0].scope, claim.vs.namespace)}')`;
        report(claim.vs, {
          field: claim.field, value: claim.host, severity: mesh ? Severity.ERROR : Severity.WARNING,
          message: mesh
            ? `host '${claim.host}' for the sidecars (mesh) is also claimed by VirtualService ${names}${where}; Istio uses only one of them`
            : `host '${claim.host}' on gateway '${gateway}' is also claimed by VirtualService ${names}${where}; Istio merges their routes in creation order`,
          fix: 'merge the routes into one VirtualService per host and gateway, use delegate VirtualServices, or limit each one\'s spec.exportTo so that no namespace sees both',
        });
      }
      for (const [claim, others] of overlaps) {
        const names = others.map((c) => `${qualifiedName(c.vs)} ('${c.host}')`).join(', ');
        report(claim.vs, {
          field: claim.field, value: claim.host, severity: Severity.WARNING,
          message: `host '${claim.host}' for the sidecars (mesh) overlaps the host of VirtualService ${names}; for the names both cover, Istio applies only the VirtualService of the most specific host, so the other one's routes never apply to them`,
          fix: 'give the VirtualServices hosts that do not overlap, merge them into one, or limit each one\'s spec.exportTo so that no namespace sees both',
        });
      }
    }
  },
});
