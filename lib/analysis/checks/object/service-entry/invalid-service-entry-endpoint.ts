import { CheckReport, defineCheck } from '../../../check';
import { formatValue, Severity } from '../../../finding';
import { eachItem, isRecord } from '../../../manifest/read';
import { isIpAddress } from '../../../values/ip';
import { fqdnProblem } from '../workload-entry/private/istio-formats';
import { addressProblems, labelProblems, portProblems, UNIX_PREFIX } from '../workload-entry/private/workload-entry';
import { serviceEntryView } from './private/service-entry';

/**
 * CI0408: an endpoint of a ServiceEntry, as Istio's webhook checks it for its resolution. With
 * STATIC: an address (or a network: then a warning), an IP address or a `unix://` socket (with no
 * ports, and exactly one service port); with DNS and DNS_ROUND_ROBIN: an IP address or a DNS name.
 * In both: endpoint ports keyed by the ServiceEntry's port names, in 1-65535, and valid labels.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/service-entry/#ServiceEntry-Resolution
 */
export const InvalidServiceEntryEndpoint = defineCheck({
  code: 'CI0408',
  name: 'InvalidServiceEntryEndpoint',
  severity: Severity.ERROR,
  counterpart: 'webhook',
  catches: 'a ServiceEntry endpoint has an address its resolution cannot use, a bad unix socket, ports the ServiceEntry does not name or out of range, or invalid labels',
  scope: 'object',
  kinds: ['ServiceEntry.networking.istio.io'],
  evaluate({ object, report }) {
    const se = serviceEntryView(object.manifest);
    const stat = se.resolution === 'STATIC';
    const dns = se.resolution === 'DNS' || se.resolution === 'DNS_ROUND_ROBIN';
    if (!stat && !dns) return;
    const each = (ps: CheckReport[]) => ps.forEach((p) => report(p));
    eachItem(se.spec.endpoints, 'spec.endpoints', (endpoint, at) => {
      if (endpoint === null) {
        report({ field: at, value: endpoint, message: 'endpoint is null', fix: 'remove the empty entry from spec.endpoints, or give it an address' });
        return;
      }
      if (!isRecord(endpoint)) return; // the CRD schema reports the type
      const address = endpoint.address;
      if (stat) {
        const { problems, stop } = addressProblems(endpoint, at, { allowFqdn: false, what: 'endpoint' });
        each(problems);
        if (stop) return;
        if (typeof address === 'string' && address.startsWith(UNIX_PREFIX) && se.portNames.size !== 1) {
          report({
            field: `${at}.address`, value: address, message: `a unix socket endpoint needs exactly one service port, the service entry has ${se.portNames.size}`,
            fix: 'give the service entry a single port in spec.ports, or use an IP endpoint',
          });
        }
      } else if (address === undefined || (typeof address === 'string' && !isIpAddress(address))) {
        const text = typeof address === 'string' ? address : '';
        const p = text.startsWith(UNIX_PREFIX) ? `is a unix socket, which needs resolution STATIC, not ${se.resolution}` : fqdnProblem(text);
        if (p) {
          report({
            field: `${at}.address`, value: address, message: `endpoint address ${formatValue(text)} is neither an IP address nor a valid DNS name: it ${p}`,
            fix: text.startsWith(UNIX_PREFIX) ? 'set resolution to STATIC for unix socket endpoints' : `use an IP address or a DNS name to resolve in address (resolution ${se.resolution})`,
          });
        }
      }
      each(portProblems(endpoint, at, se.portNames));
      each(labelProblems(endpoint.labels, `${at}.labels`));
    });
  },
});
