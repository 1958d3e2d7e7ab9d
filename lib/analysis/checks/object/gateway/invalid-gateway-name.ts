import { defineCheck } from '../../../check';
import { Severity } from '../../../finding';
import { dns1123SubdomainProblem } from '../../../values/validate';
import { isIstioDnsLabel } from '../../../values/istio-names';
import { GATEWAY_KINDS } from './private/servers';

/**
 * CI0301: a Gateway name that Kubernetes accepts but Istio's webhook rejects: Istio requires a
 * DNS-1123 label (no dots, at most 63 characters), because VirtualServices refer to gateways as
 * `<namespace>/<name>` and used to accept `<name>.<namespace>`. Names Kubernetes itself rejects
 * are CI0001's.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/gateway/
 */
export const InvalidGatewayName = defineCheck({
  code: 'CI0301',
  name: 'InvalidGatewayName',
  severity: Severity.ERROR,
  counterpart: 'webhook',
  catches: 'a Gateway name with a dot or longer than 63 characters (Istio requires a DNS-1123 label)',
  scope: 'object',
  kinds: GATEWAY_KINDS,
  evaluate({ object, report }) {
    const name = object.manifest.metadata?.name;
    if (typeof name !== 'string' || dns1123SubdomainProblem(name) || isIstioDnsLabel(name)) return;
    report({
      field: 'metadata.name', value: name,
      message: `gateway name '${name}' must be a DNS-1123 label: no dots, at most 63 characters`,
      fix: 'rename the Gateway without dots, e.g. \'bookinfo-gateway\', and update the VirtualServices\' gateways that name it',
    });
  },
});
