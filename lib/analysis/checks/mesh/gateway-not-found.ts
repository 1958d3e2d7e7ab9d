import { listOrNone, qualifiedName } from '../../model/mesh-model';
import { gatewayReferences, isInternalGatewayReference } from './private/gateway-references';
import { defineCheck } from '../../check';
import { Severity } from '../../finding';

/**
 * CI1001: a VirtualService (or one of its HTTP matches) names a Gateway that is not in the app.
 *
 * `mesh` is the implicit gateway of the sidecars and always exists. A name without `ns/` is read
 * in the VirtualService's namespace. Gateways declared external (`external.gateways`) exist.
 * Names of the Gateways istiod generates internally for Kubernetes Gateways are CI1017's.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/virtual-service/#VirtualService
 */
export const GatewayNotFound = defineCheck({
  code: 'CI1001',
  name: 'GatewayNotFound',
  severity: Severity.ERROR,
  counterpart: 'IST0101 ReferencedResourceNotFound / KIA1102',
  catches: 'a VirtualService (or one of its matches) names a gateway that is not in the app',
  scope: 'mesh',
  evaluate({ model, report }) {
    const known = model.gateways.map(qualifiedName).sort();
    for (const vs of model.virtualServices) {
      for (const ref of gatewayReferences(vs)) {
        if (ref.key === 'mesh' || isInternalGatewayReference(ref.written) || model.gateway(ref.namespace!, ref.name) || model.isExternalGateway(ref.namespace!, ref.name)) continue;
        report(vs, { field: ref.field, value: ref.written, message: `gateway '${ref.written}' (${ref.key}) is not in the app; gateways: ${listOrNone(known)}`, fix: `name an existing Gateway as '<namespace>/<name>' (a bare name is read in namespace '${vs.namespace}'), add the Gateway, or use 'mesh' for sidecars` });
      }
    }
  },
});
