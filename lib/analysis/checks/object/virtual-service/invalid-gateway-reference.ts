import { CheckReport, defineCheck } from '../../../check';
import { formatValue, Severity } from '../../../finding';
import { eachItem } from '../../../manifest/read';
import { isIstioDnsLabel } from '../../../values/istio-names';
import { fqdnProblem } from './private/names';
import { eachAnyMatch, VIRTUAL_SERVICE_KINDS, vsContext } from './private/walk';

const STOPPED = ' (stricter than Istio: its webhook stops checking a gateway list after the first name without a namespace, but this name can never match a Gateway)';

/** The findings of one gateway list, as Istio's validateGatewayNames sees it. */
function checkGatewayList(list: unknown, field: string, report: (r: CheckReport) => void): void {
  let reached = true;
  eachItem(list, field, (name, at) => {
    if (typeof name !== 'string') return;
    const severity = reached ? Severity.ERROR : Severity.WARNING;
    const note = reached ? '' : STOPPED;
    const slash = name.indexOf('/');
    if (slash < 0) {
      if (name.includes('.')) {
        const parts = name.split('.');
        report({
          field: at, value: name, severity: Severity.WARNING,
          message: `gateway ${formatValue(name)} uses the legacy <name>.<namespace> form`,
          fix: `write it as <namespace>/<name>: '${parts[1]}/${parts[0]}'`,
        });
      }
      const p = fqdnProblem(name);
      if (p) {
        report({
          field: at, value: name, severity,
          message: `gateway ${formatValue(name)} ${p}: a gateway without a namespace must be a DNS name${note}`,
          fix: 'write the gateway as <namespace>/<name> (istio-system/ingressgateway), a name of the VirtualService\'s namespace, or \'mesh\'',
        });
      }
      // Istio's webhook validates no further name of this list
      reached = false;
      return;
    }
    const ns = name.slice(0, slash);
    const gw = name.slice(slash + 1);
    const problems: string[] = [];
    if (ns === '' || gw === '') problems.push('has an empty namespace or name');
    else {
      if (!isIstioDnsLabel(ns)) problems.push(`has a namespace ${formatValue(ns)} that is not a DNS-1123 label`);
      if (!isIstioDnsLabel(gw)) problems.push(`has a name ${formatValue(gw)} that is not a DNS-1123 label`);
    }
    if (problems.length === 0) return;
    report({
      field: at, value: name, severity,
      message: `gateway ${formatValue(name)} ${problems.join(' and ')}${note}`,
      fix: 'write the gateway as <namespace>/<name> with DNS-1123 labels, e.g. istio-system/ingressgateway (no wildcards)',
    });
  });
}

/**
 * CI0105: a gateway name in `spec.gateways` or in a match's `gateways` that Istio's webhook
 * rejects: `<namespace>/<name>` where either part is empty or not a DNS-1123 label (so no `*`), or
 * a name without a namespace that is not a DNS name. The legacy `<name>.<namespace>` form gets the
 * webhook's warning. Istio's webhook stops checking a list after its first name without a
 * namespace (`mesh` included); names after it are reported as warnings.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/virtual-service/#VirtualService
 */
export const InvalidGatewayReference = defineCheck({
  code: 'CI0105',
  name: 'InvalidGatewayReference',
  severity: Severity.ERROR,
  counterpart: 'webhook',
  catches: 'a gateway name in spec.gateways or a match is not <namespace>/<name> of DNS-1123 labels nor a DNS name',
  scope: 'object',
  kinds: VIRTUAL_SERVICE_KINDS,
  evaluate({ object, report }) {
    const { spec } = vsContext(object.manifest);
    checkGatewayList(spec.gateways, 'spec.gateways', report);
    eachAnyMatch(spec, (m, at) => checkGatewayList(m.gateways, `${at}.gateways`, report));
  },
});
