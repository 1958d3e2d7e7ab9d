import { defineCheck } from '../../../check';
import { formatValue, Severity } from '../../../finding';
import { asArray, eachItem } from '../../../manifest/read';
import { namespacedHostProblem } from '../../../values/istio-names';
import { eachEgress, SIDECAR_KINDS } from './private/listeners';

/**
 * CI0511: a Sidecar egress listener without hosts, or with a host Istio's webhook rejects (not
 * `namespace/dnsName`; the namespace `*`, `.`, `~` or a namespace name; the dnsName `*` or a
 * fully qualified name whose first label may be `*`), and Istio's warnings on hosts that repeat
 * what the listener already selects (`ns/*` selects every host of `ns`; `*\/*` selects
 * everything, so nothing else may be listed).
 *
 * @see https://istio.io/latest/docs/reference/config/networking/sidecar/#IstioEgressListener
 */
export const InvalidSidecarEgressHost = defineCheck({
  code: 'CI0511',
  name: 'InvalidSidecarEgressHost',
  severity: Severity.ERROR,
  counterpart: 'webhook',
  catches: 'a Sidecar egress listener without hosts, a host not in namespace/dnsName form, or (a warning) a host another one of the listener already selects',
  scope: 'object',
  kinds: SIDECAR_KINDS,
  evaluate({ object, report }) {
    eachEgress(object, ({ listener, at }) => {
      if (asArray(listener.hosts).length === 0) {
        report({
          field: `${at}.hosts`, value: listener.hosts,
          message: 'egress listener has no hosts; Istio requires at least one',
          fix: 'list the hosts the workload may reach, e.g. [\'./*\', \'istio-system/*\']',
        });
        return;
      }
      // namespace -> dnsNames already listed, to find repeats as Istio does ('.' is the Sidecar's namespace)
      const listed = new Map<string, Set<string>>();
      let everything = -1;
      eachItem(listener.hosts, `${at}.hosts`, (host, field, index) => {
        const problem = namespacedHostProblem(host, 'sidecar');
        if (problem) {
          report({
            field, value: host,
            message: `egress host ${formatValue(host)} ${problem}`,
            fix: 'write hosts as namespace/dnsName: \'./*\' (this namespace), \'istio-system/*\', \'*/api.example.com\' or \'prod/reviews.prod.svc.cluster.local\'',
          });
        }
        if (typeof host !== 'string' || !host.includes('/')) return;
        const slash = host.indexOf('/');
        const ns = host.slice(0, slash) === '.' ? object.namespace : host.slice(0, slash);
        const name = host.slice(slash + 1);
        const names = listed.get(ns) ?? new Set<string>();
        listed.set(ns, names);
        const repeated = name === '*' ? names.size > 0 : names.has(name) || names.has('*');
        if (repeated) {
          report({
            field, value: host, severity: Severity.WARNING,
            message: `egress host '${host}' repeats what the listener already selects in namespace '${ns}'`,
            fix: `remove '${host}', or keep only '${ns === object.namespace ? '.' : ns}/*' if the whole namespace is meant`,
          });
        }
        names.add(name);
        if (ns === '*' && name === '*') everything = index;
      });
      if (everything >= 0 && listed.size !== 1) {
        report({
          field: `${at}.hosts[${everything}]`, value: '*/*', severity: Severity.WARNING,
          message: '\'*/*\' selects every host of every namespace, so the listener\'s other hosts add nothing',
          fix: 'keep \'*/*\' alone, or replace it with the namespaces the workload really talks to',
        });
      }
    });
  },
});
