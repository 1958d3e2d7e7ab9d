import { defineCheck } from '../../../check';
import { formatValue, Severity } from '../../../finding';
import { ipProblem, unixAddressProblem } from '../../../values/ip';
import { eachEgress, eachIngress, SIDECAR_KINDS } from './private/listeners';

/**
 * CI0506: a Sidecar listener `bind` Istio's webhook rejects: an ingress listener, or an egress
 * listener with a port number, whose bind is not an IP address; an egress listener with port 0
 * (a unix domain socket listener) whose bind is not a valid `unix://` socket, or whose
 * `captureMode` is IPTABLES.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/sidecar/#IstioEgressListener
 */
export const InvalidSidecarBind = defineCheck({
  code: 'CI0506',
  name: 'InvalidSidecarBind',
  severity: Severity.ERROR,
  counterpart: 'webhook',
  catches: 'a Sidecar listener bind that is not an IP, a port-0 egress listener without a valid unix:// bind, or a unix socket listener with captureMode IPTABLES',
  scope: 'object',
  kinds: SIDECAR_KINDS,
  evaluate({ object, report }) {
    const ip = (at: string, bind: string, unixHint: string) => {
      const problem = ipProblem(bind);
      if (problem) report({ field: `${at}.bind`, value: bind, message: `bind '${bind}' ${problem}${bind.startsWith('unix://') ? `; ${unixHint}` : ''}`, fix: 'bind to an IP address of the workload (e.g. 127.0.0.1 or 0.0.0.0), or remove bind' });
    };
    eachIngress(object, ({ at, port, bind }) => {
      if (port && bind !== '') ip(at, bind, 'ingress listeners cannot bind to a unix domain socket');
    });
    eachEgress(object, ({ listener, at, port, bind }) => {
      if (!port) return;
      if ((port.number ?? 0) !== 0) {
        if (bind !== '') ip(at, bind, 'a unix domain socket listener needs port number 0');
        return;
      }
      if (!bind.startsWith('unix://')) {
        report({
          field: `${at}.bind`, value: listener.bind,
          message: `an egress listener with port number 0 listens on a unix domain socket and needs a unix:// bind${bind === '' ? '' : `, got ${formatValue(listener.bind)}`}`,
          fix: 'set bind to unix:///absolute/path (or unix://@name), or set port.number to a port from 1 to 65535',
        });
      } else {
        const problem = unixAddressProblem(bind);
        if (problem) report({ field: `${at}.bind`, value: bind, message: `bind '${bind}' ${problem}`, fix: 'use unix:///absolute/path or unix://@name' });
      }
      const mode = listener.captureMode ?? 'DEFAULT';
      if (mode !== 'DEFAULT' && mode !== 'NONE') {
        report({
          field: `${at}.captureMode`, value: listener.captureMode,
          message: `a unix domain socket listener cannot use captureMode ${formatValue(listener.captureMode)}; only DEFAULT or NONE`,
          fix: 'set captureMode to DEFAULT or NONE, or remove it',
        });
      }
    });
  },
});
