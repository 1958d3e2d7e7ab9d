import { asArray, gatewayHosts, gatewaysOf, listOrNone } from '../../model/mesh-model';
import { admitsNamespace } from '../../model/hosts';
import { defineCheck } from '../../check';
import { Severity } from '../../finding';

/**
 * CI1006: a Gateway a VirtualService binds to admits none of its hosts.
 *
 * A Gateway server host `[namespace/]host` admits VirtualServices of every namespace (no
 * namespace part, or `*`), of the Gateway's own namespace (`.`), of one namespace (`ns`) or of
 * none (`~`); a VirtualService host binds when it matches an admitted server host (wildcards
 * both ways, see `MeshModel.admittedHosts`). When no host of the VirtualService is admitted, the
 * gateway builds no virtual host for it and its routes never apply there (istioctl IST0132).
 *
 * Reported once per gateway binding, as istioctl does: a VirtualService may list hosts for
 * different gateways (`a.example.com` served by one, `b.example.com` by another), so a single
 * host a gateway does not admit is no mistake. A warning, as istioctl's level: Istio accepts the
 * VirtualService. A missing Gateway is CI1001's finding, and a Gateway declared external is not
 * judged (its servers are unknown).
 *
 * @see https://istio.io/latest/docs/reference/config/networking/gateway/#Server
 */
export const GatewayHostNotServed = defineCheck({
  code: 'CI1006',
  name: 'GatewayHostNotServed',
  severity: Severity.WARNING,
  counterpart: 'IST0132 VirtualServiceHostNotFoundInGateway',
  catches: 'a Gateway a VirtualService binds to admits none of its hosts',
  scope: 'mesh',
  evaluate({ model, report }) {
    for (const vs of model.virtualServices) {
      const hosts = asArray(vs.manifest.spec?.hosts).filter((h): h is string => typeof h === 'string' && h !== '');
      if (hosts.length === 0) continue; // the schema and CI0101 report a VirtualService without hosts
      for (const ref of gatewaysOf(vs)) {
        if (ref.key === 'mesh') continue;
        const gateway = model.gateway(ref.namespace!, ref.name);
        if (!gateway) continue; // CI1001
        if (hosts.some((h) => model.gatewayAdmits(gateway, vs.namespace, h))) continue;
        const admitted = model.admittedHosts(gateway, vs.namespace).map((h) => h.host);
        const hidden = gatewayHosts(gateway).filter((h) => !admitsNamespace(h, vs.namespace)).map((h) => h.written);
        const written = hosts.map((h) => `'${h}'`).join(', ');
        report(vs, {
          field: ref.field,
          value: ref.written,
          message: `gateway '${ref.key}' admits none of the hosts ${written} for namespace '${vs.namespace}', so these routes never apply there; `
            + `it admits ${listOrNone(admitted)}${hidden.length > 0 ? ` (not for this namespace: ${hidden.join(', ')})` : ''}`,
          fix: `add one of the hosts to a server of gateway '${ref.key}' (spec.servers[].hosts, as 'host', '*/host' or '${vs.namespace}/host'), `
            + 'or remove the gateway from spec.gateways of this VirtualService',
        });
      }
    }
  },
});
