import { CheckReport, defineCheck } from '../../../check';
import { formatValue, Severity } from '../../../finding';
import { isIstioDnsLabel } from '../../../values/istio-names';
import { portProblem } from '../../../values/validate';
import { parseProtocol, SUPPORTED_PROTOCOLS } from '../gateway/private/protocol';
import { eachEgress, eachIngress, SIDECAR_KINDS } from './private/listeners';

/**
 * CI0503: a Sidecar listener port Istio's webhook rejects: an ingress listener without a port, a
 * number outside 1-65535 (an egress listener may use 0 with a `unix://` bind, see CI0506), a
 * protocol Istio does not know, a name that is not a DNS-1123 label (Istio accepts uppercase
 * letters), or a `targetPort` (which has no effect on Sidecars).
 *
 * @see https://istio.io/latest/docs/reference/config/networking/sidecar/#SidecarPort
 */
export const InvalidSidecarPort = defineCheck({
  code: 'CI0503',
  name: 'InvalidSidecarPort',
  severity: Severity.ERROR,
  counterpart: 'webhook',
  catches: 'an ingress listener without a port, or a Sidecar port number, protocol or name Istio rejects, or a targetPort',
  scope: 'object',
  kinds: SIDECAR_KINDS,
  evaluate({ object, report }) {
    eachIngress(object, ({ listener, at, port }) => {
      if (!port) {
        report({ field: `${at}.port`, value: listener.port, message: 'ingress listener has no port', fix: 'set port with the number the workload receives traffic on, e.g. { number: 9080, protocol: HTTP, name: http }' });
        return;
      }
      for (const p of portProblems(port, `${at}.port`, false)) report(p);
    });
    eachEgress(object, ({ at, port }) => {
      if (port) for (const p of portProblems(port, `${at}.port`, true)) report(p);
    });
  },
});

function portProblems(port: Record<string, any>, at: string, egress: boolean): CheckReport[] {
  const out: CheckReport[] = [];
  const number = port.number ?? 0;
  // an egress port 0 is a unix domain socket listener: its bind is CI0506's
  if (!(egress && number === 0)) {
    const problem = typeof number === 'number' ? portProblem(number) : 'must be a number';
    if (problem) {
      out.push({
        field: `${at}.number`, value: port.number,
        message: `port number ${problem}, got ${formatValue(port.number)}`,
        fix: egress ? 'use a port from 1 to 65535, or 0 with a unix:// bind' : 'use a port from 1 to 65535',
      });
    }
  }
  if (typeof port.protocol === 'string' && port.protocol !== '' && parseProtocol(port.protocol) === undefined) {
    out.push({
      field: `${at}.protocol`, value: port.protocol,
      message: `port protocol '${port.protocol}' is not supported; use ${SUPPORTED_PROTOCOLS}, or leave it unset to let Istio detect the protocol`,
      fix: 'set port.protocol to a supported protocol such as HTTP, HTTP2, GRPC, TCP or TLS, or remove it',
    });
  }
  if (typeof port.name === 'string' && port.name !== '' && !isIstioDnsLabel(port.name)) {
    out.push({
      field: `${at}.name`, value: port.name,
      message: `port name '${port.name}' must be a DNS-1123 label: letters, digits and '-', starting and ending with a letter or digit, at most 63 characters`,
      fix: 'use a name such as \'http\' or \'http-web\', or remove it',
    });
  }
  if (typeof port.targetPort === 'number' && port.targetPort > 0) {
    out.push({ field: `${at}.targetPort`, value: port.targetPort, message: 'targetPort has no effect on Sidecars, and Istio rejects it', fix: 'remove port.targetPort' });
  }
  return out;
}
