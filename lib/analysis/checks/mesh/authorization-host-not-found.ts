import { asArray, gatewayHosts, MeshModel } from '../../model/mesh-model';
import { isWildcard, serviceFqdn } from '../../model/hosts';
import { defineCheck } from '../../check';
import { Severity } from '../../finding';
import { operationValues } from './private/authorization';

/**
 * CI1094: an AuthorizationPolicy operation names a host (`to.operation.hosts`) that nothing of
 * the app serves (warning; Kiali KIA0104; istioctl has no counterpart).
 *
 * `hosts` match the request's Host header (a port after `:` is ignored here). A host is served
 * when it names a Service as clients write it (`name` in the policy's namespace, `name.namespace`,
 * `name.namespace.svc`, or its full name), a ServiceEntry host visible from the policy's
 * namespace, a host of a VirtualService or of a Gateway server of the app (exactly or under one
 * of their wildcards, a bare `*` naming no host), or a host declared external. Hosts with a `*`
 * are not checked. A warning,
 * not Kiali's error: Istio accepts the policy, and the operation simply never matches.
 *
 * @see https://istio.io/latest/docs/reference/config/security/authorization-policy/#Operation
 */
export const AuthorizationHostNotFound = defineCheck({
  code: 'CI1094',
  name: 'AuthorizationHostNotFound',
  severity: Severity.WARNING,
  counterpart: 'KIA0104; no istioctl analyzer',
  catches: 'an AuthorizationPolicy operation names a host that no Service, ServiceEntry, VirtualService or Gateway of the app serves',
  scope: 'mesh',
  evaluate({ model, report }) {
    let routed: RoutedHosts | undefined;
    for (const policy of model.authorizationPolicies) {
      for (const { value, field } of operationValues(policy, 'hosts')) {
        const host = value.replace(/:\d+$/, '').toLowerCase();
        if (host === '' || host.includes('*')) continue;
        if (isService(model, host, policy.namespace)) continue;
        routed ??= routedHosts(model);
        if (routed.covers(host)) continue;
        report(policy, {
          field,
          value,
          message: `operation host '${value}' is served by no Service, ServiceEntry, VirtualService or Gateway of the app, nor declared external; requests never carry it, so this operation never matches`,
          fix: `write the host as clients call it (a Service as <name>.<namespace>.svc.cluster.local, or a host of a VirtualService or Gateway), add a ServiceEntry for it, or declare it external`,
        });
      }
    }
  },
});

/** Whether `host` (lowercase, no port) names a Service or a visible ServiceEntry host, or an external one. */
function isService(model: MeshModel, host: string, namespace: string): boolean {
  // clients in the mesh also write a Service as name.namespace and name.namespace.svc
  const parts = host.split('.');
  if (parts.length === 2 || (parts.length === 3 && parts[2] === 'svc')) {
    if (model.service(parts[1], parts[0]) || model.externalHost(serviceFqdn(parts[0], parts[1]))) return true;
  }
  const resolved = model.resolveHost(host, namespace);
  return resolved.service !== undefined || resolved.serviceEntries.length > 0 || resolved.external !== undefined;
}

/** The hosts of the app's VirtualServices and Gateway servers, exact and by wildcard suffix. */
interface RoutedHosts {
  covers(host: string): boolean;
}

function routedHosts(model: MeshModel): RoutedHosts {
  const exact = new Set<string>();
  const suffixes = new Set<string>();
  const add = (h: string) => {
    const lower = h.toLowerCase();
    // a catch-all (`*`) accepts any Host, but names none
    if (lower === '*') return;
    if (isWildcard(lower)) suffixes.add(lower.slice(1));
    else exact.add(lower);
  };
  for (const vs of model.virtualServices) for (const h of asArray(vs.manifest.spec?.hosts)) if (typeof h === 'string') add(h);
  for (const g of model.gateways) for (const h of gatewayHosts(g)) add(h.host);
  return {
    covers(host: string): boolean {
      if (exact.has(host)) return true;
      for (let i = host.indexOf('.'); i >= 0; i = host.indexOf('.', i + 1)) if (suffixes.has(host.slice(i))) return true;
      return false;
    },
  };
}
