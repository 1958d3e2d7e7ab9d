import { asArray, isRecord } from '../../manifest/read';
import { describeScope, exportScope, isVisible } from '../../model/visibility';
import { dns1123LabelProblem, dns1123SubdomainProblem } from '../../values/validate';
import { ModelObject } from '../../model/mesh-model';
import { defineCheck } from '../../check';
import { Severity } from '../../finding';

/**
 * CI1020: an HTTP route delegates to a VirtualService that is not in the app, that is no delegate
 * (it has hosts), or that is not exported to the delegating VirtualService's namespace.
 *
 * istiod merges a delegate's routes into the route that names it only when a VirtualService of
 * that name and namespace (the delegating one's when `namespace` is left out) has no `hosts` and
 * is exported to the delegating VirtualService's namespace; otherwise it logs a warning and drops
 * the route, so its requests fall through to the next routes (or get a 404). Istio accepts the
 * configuration, but the route never works: an error. Delegates in a namespace declared external
 * are not judged.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/virtual-service/#Delegate
 */
export const DelegateNotFound = defineCheck({
  code: 'CI1020',
  name: 'DelegateNotFound',
  severity: Severity.ERROR,
  counterpart: 'none (istiod logs "delegate virtual service ... not found" or "... is not exported")',
  catches: 'an HTTP route delegates to a VirtualService that is missing, has hosts, or is not exported to the delegating namespace',
  scope: 'mesh',
  evaluate({ model, report }) {
    const byName = new Map<string, ModelObject>();
    for (const vs of model.virtualServices) byName.set(`${vs.namespace}/${vs.name}`, vs);
    for (const vs of model.virtualServices) {
      // a VirtualService without hosts is a delegate itself: Istio does not chain delegates
      if (asArray(vs.manifest.spec?.hosts).length === 0) continue;
      asArray(vs.manifest.spec?.http).forEach((route: unknown, i: number) => {
        if (!isRecord(route) || !isRecord(route.delegate)) return;
        const name = route.delegate.name;
        const namespace = typeof route.delegate.namespace === 'string' && route.delegate.namespace !== '' ? route.delegate.namespace : vs.namespace;
        // names no VirtualService can have are CI0134's
        if (typeof name !== 'string' || dns1123SubdomainProblem(name) || dns1123LabelProblem(namespace)) return;
        const key = `${namespace}/${name}`;
        const field = `spec.http[${i}].delegate`;
        const target = byName.get(key);
        if (!target) {
          if (model.hasNamespace(namespace) && !model.namespaceObject(namespace)) return; // declared external
          report(vs, {
            field: `${field}.name`, value: name,
            message: `route http[${i}] delegates to VirtualService '${key}', which is not in the app; istiod drops the route`,
            fix: `add a VirtualService '${name}' without hosts in namespace '${namespace}', or name an existing one in delegate.name and delegate.namespace`,
          });
          return;
        }
        if (asArray(target.manifest.spec?.hosts).length > 0) {
          report(vs, {
            field: `${field}.name`, value: name,
            message: `route http[${i}] delegates to VirtualService '${key}', which has hosts and so is no delegate; istiod drops the route`,
            fix: `remove spec.hosts (and spec.gateways) from VirtualService '${key}' to make it a delegate, or delegate to one without hosts`,
          });
          return;
        }
        const scope = exportScope(target);
        if (!isVisible(scope, vs.namespace)) {
          report(vs, {
            field, value: undefined,
            message: `route http[${i}] delegates to VirtualService '${key}', which is exported to ${describeScope(scope)}, not to namespace '${vs.namespace}'; istiod drops the route`,
            fix: `add '${vs.namespace}' to the spec.exportTo of VirtualService '${key}'`,
          });
        }
      });
    }
  },
});
