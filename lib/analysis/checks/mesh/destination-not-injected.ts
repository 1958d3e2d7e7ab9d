import { serviceOfFqdn } from '../../model/hosts';
import { destinationsOf } from '../../model/mesh-model';
import { defineCheck } from '../../check';
import { Severity } from '../../finding';

/**
 * CI1013: a VirtualService routes to a Service whose namespace is in the app but has no sidecar
 * injection (warning).
 *
 * The destination pods have no proxy, so subsets, mTLS and server-side policies do not apply
 * (istioctl IST0102). A host declared external in a namespace declared not meshed
 * (`external.namespaces`) is judged too; other namespaces not in the app are not.
 *
 * @see https://istio.io/latest/docs/setup/additional-setup/sidecar-injection/
 */
export const DestinationNotInjected = defineCheck({
  code: 'CI1013',
  name: 'DestinationNotInjected',
  severity: Severity.WARNING,
  counterpart: 'IST0102 NamespaceNotInjected',
  catches: 'a VirtualService routes to a workload whose namespace has no sidecar injection',
  scope: 'mesh',
  evaluate({ model, report }) {
    for (const vs of model.virtualServices) {
      for (const { field, destination } of destinationsOf(vs)) {
        if (typeof destination.host !== 'string') continue;
        const { service, external, fqdn } = model.resolveHost(destination.host, vs.namespace);
        const namespace = service?.namespace ?? (external ? serviceOfFqdn(fqdn)?.namespace : undefined);
        if (namespace === undefined || model.isInjected(namespace) !== false) continue;
        const what = service ? `destination Service '${service.namespace}/${service.name}'` : `destination host '${destination.host}'`;
        const why = model.namespaceObject(namespace) ? 'no istio-injection=enabled, istio.io/rev or istio.io/dataplane-mode=ambient label' : 'declared external and not meshed';
        report(vs, { field: `${field}.host`, value: destination.host, message: `${what} is in namespace '${namespace}', which is not in the mesh (${why})`, fix: `label Namespace '${namespace}' with istio-injection=enabled (or istio.io/rev, or istio.io/dataplane-mode=ambient), or route to a meshed service` });
      }
    }
  },
});
