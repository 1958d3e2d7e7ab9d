import { defineCheck } from '../../../check';
import { Severity } from '../../../finding';
import { eachEgress, eachIngress, ListenerView, SIDECAR_KINDS } from './private/listeners';

/**
 * CI0504: two ingress listeners, or two egress listeners, on one port number, or two egress
 * listeners on one unix domain socket. Istio's webhook rejects them.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/sidecar/#IstioIngressListener
 */
export const DuplicateSidecarListener = defineCheck({
  code: 'CI0504',
  name: 'DuplicateSidecarListener',
  severity: Severity.ERROR,
  counterpart: 'webhook',
  catches: 'two Sidecar ingress listeners, or two egress listeners, on the same port or unix domain socket',
  scope: 'object',
  kinds: SIDECAR_KINDS,
  evaluate({ object, report }) {
    const ingressPorts = new Map<unknown, string>();
    eachIngress(object, ({ at, port }) => {
      if (port) once(ingressPorts, port.number ?? 0, at, `${at}.port.number`, `ingress port ${port.number ?? 0}`);
    });
    const egressPorts = new Map<unknown, string>();
    const sockets = new Map<unknown, string>();
    eachEgress(object, ({ at, port, bind }: ListenerView) => {
      if (!port) return;
      if ((port.number ?? 0) === 0) once(sockets, bind, at, `${at}.bind`, `unix domain socket '${bind}'`);
      else once(egressPorts, port.number, at, `${at}.port.number`, `egress port ${port.number}`);
    });

    function once(seen: Map<unknown, string>, key: unknown, at: string, field: string, what: string): void {
      const first = seen.get(key);
      if (first === undefined) {
        seen.set(key, at);
        return;
      }
      report({ field, value: key, message: `${what} is already used by ${first}; listeners must not share it`, fix: 'merge the two listeners, or give this one another port' });
    }
  },
});
