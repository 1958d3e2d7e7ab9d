import { defineCheck } from '../../../check';
import { Severity } from '../../../finding';
import { asRecord, isRecord } from '../../../manifest/read';
import { PEER_AUTHENTICATION } from './private/kinds';

/**
 * CI0801: a PeerAuthentication `portLevelMtls` that Istio rejects: without a selector with labels
 * (the CRD rule "portLevelMtls requires selector", and the webhook's "mesh/namespace peer
 * authentication cannot have port level mTLS"), empty, or keyed by something other than a port
 * number from 1 to 65535.
 *
 * @see https://istio.io/latest/docs/reference/config/security/peer_authentication/#PeerAuthentication
 */
export const InvalidPortLevelMtls = defineCheck({
  code: 'CI0801',
  name: 'InvalidPortLevelMtls',
  severity: Severity.ERROR,
  counterpart: 'webhook / CRD rule',
  catches: 'a PeerAuthentication portLevelMtls without a selector with labels, empty, or keyed by something other than a port 1-65535',
  scope: 'object',
  kinds: [PEER_AUTHENTICATION],
  evaluate({ object, report }) {
    const spec = asRecord(object.manifest.spec);
    const ports = spec.portLevelMtls;
    if (!isRecord(ports)) return;
    const field = 'spec.portLevelMtls';
    const labels = asRecord(asRecord(spec.selector).matchLabels);
    if (Object.keys(labels).length === 0) {
      report({
        field, value: ports,
        message: 'portLevelMtls needs a selector with labels: a namespace- or mesh-wide PeerAuthentication cannot set per-port modes',
        fix: 'add spec.selector.matchLabels naming the workloads these ports belong to (for a construct: selector: WorkloadSelector.fromWorkload(deployment)), '
          + 'or move the port settings to such a workload-specific policy',
      });
    }
    const keys = Object.keys(ports);
    if (keys.length === 0) {
      report({ field, value: ports, message: 'portLevelMtls is empty; Istio requires at least one port when it is set', fix: 'add a port with its mode, or remove spec.portLevelMtls' });
    }
    for (const key of keys) {
      if (!/^\d+$/.test(key) || Number(key) < 1 || Number(key) > 65535) {
        report({
          field, value: key,
          message: `portLevelMtls key '${key}' is not a port number from 1 to 65535`,
          fix: 'key spec.portLevelMtls by the workload\'s (container) port numbers, such as "8080"',
        });
      }
    }
  },
});
