import { defineCheck } from '../../../check';
import { formatValue, Severity } from '../../../finding';
import { isRecord } from '../../../manifest/read';
import { dns1123LabelProblem, dns1123SubdomainProblem } from '../../../values/validate';
import { eachHttpRoute, VIRTUAL_SERVICE_KINDS, vsContext } from './private/walk';

/**
 * CI0134: a `delegate` whose `name` or `namespace` no VirtualService can have: empty, or not a
 * lowercase DNS-1123 name as Kubernetes requires of object and namespace names. Istio's webhook
 * does not check them, and the route then delegates to nothing: a warning, stricter than Istio.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/virtual-service/#Delegate
 */
export const InvalidDelegateReference = defineCheck({
  code: 'CI0134',
  name: 'InvalidDelegateReference',
  severity: Severity.WARNING,
  counterpart: 'none',
  catches: 'a delegate name or namespace that no VirtualService can have (empty or not a lowercase DNS-1123 name)',
  scope: 'object',
  kinds: VIRTUAL_SERVICE_KINDS,
  evaluate({ object, report }) {
    eachHttpRoute(vsContext(object.manifest).spec, (route, at) => {
      const d = route.delegate;
      if (!isRecord(d)) return;
      const name = typeof d.name === 'string' ? d.name : '';
      const np = dns1123SubdomainProblem(name);
      if (np) {
        report({
          field: `${at}.delegate.name`, value: d.name,
          message: `delegate name ${formatValue(name)} ${np}, so it names no VirtualService and the route delegates to nothing (stricter than Istio, whose webhook does not check it)`,
          fix: 'give the metadata.name of the delegate VirtualService',
        });
      }
      if (typeof d.namespace === 'string' && d.namespace !== '') {
        const p = dns1123LabelProblem(d.namespace);
        if (p) {
          report({
            field: `${at}.delegate.namespace`, value: d.namespace,
            message: `delegate namespace ${formatValue(d.namespace)} ${p}, so it names no namespace (stricter than Istio, whose webhook does not check it)`,
            fix: 'give the namespace of the delegate VirtualService, or leave it out for this VirtualService\'s namespace',
          });
        }
      }
    });
  },
});
