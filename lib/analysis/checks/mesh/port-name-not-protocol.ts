import { asArray } from '../../model/mesh-model';
import { defineCheck } from '../../check';
import { Severity } from '../../finding';
import { portNamesExempt, PROTOCOL_PREFIXES, serviceProtocol } from './private/port-protocol';

/**
 * Whether a Service port name tells Istio its protocol: `<protocol>` or `<protocol>-<suffix>`.
 *
 * @see https://istio.io/latest/docs/ops/configuration/traffic-management/protocol-selection/#explicit-protocol-selection
 */
export function isProtocolPortName(name: string): boolean {
  return serviceProtocol({ name }) !== undefined;
}

/**
 * CI1011: a Service port tells Istio no protocol: its name does not follow Istio's
 * `<protocol>[-<suffix>]` naming and it has no `appProtocol` Istio knows (warning: istioctl's
 * level is Info, and there is no info level here).
 *
 * Istio then falls back to protocol sniffing (or plain TCP for server-first protocols), so HTTP
 * routing, retries and metrics may not apply (istioctl IST0118, Kiali KIA0601/KIA0602). As
 * istioctl: UDP ports, the well-known TCP ports (25, 53, 3306, 27017), Kubernetes' system
 * namespaces (`kube-system`, `kube-public`, `kube-node-lease`, `local-path-storage`), Istio's
 * control plane (Services with an `istio` label or `release: istio`, as in `istio-system`) and
 * Services Istio's gateway controller manages are not checked. ExternalName Services are
 * CI1060's. SCTP ports are skipped too (stricter istioctl flags them, but no name makes Istio
 * proxy SCTP).
 *
 * @see https://istio.io/latest/docs/ops/configuration/traffic-management/protocol-selection/
 */
export const PortNameNotProtocol = defineCheck({
  code: 'CI1011',
  name: 'PortNameNotProtocol',
  severity: Severity.WARNING,
  counterpart: 'IST0118 PortNameIsNotUnderNamingConvention / KIA0601',
  catches: 'a Service port name does not follow Istio protocol naming (`<protocol>[-suffix]`) and has no appProtocol Istio knows',
  scope: 'mesh',
  evaluate({ model, report }) {
    for (const svc of model.services) {
      if (svc.manifest.spec?.type === 'ExternalName' || portNamesExempt(svc)) continue;
      asArray(svc.manifest.spec?.ports).forEach((port: any, i: number) => {
        if (!port || port.protocol === 'SCTP' || serviceProtocol(port) !== undefined) return;
        const name = port.name;
        const suggested = `'http' or 'http-${typeof name === 'string' && name ? name : 'web'}'`;
        if (typeof port.appProtocol === 'string') {
          report(svc, { field: `spec.ports[${i}].appProtocol`, value: port.appProtocol, message: `port ${port.port} appProtocol '${port.appProtocol}' is not a protocol Istio knows; expected one of ${PROTOCOL_PREFIXES.join(', ')} (or kubernetes.io/h2c, kubernetes.io/ws, kubernetes.io/wss)`, fix: 'set appProtocol to the protocol the port serves, e.g. http or tcp' });
          return;
        }
        const shown = typeof name === 'string' ? `'${name}'` : '(unnamed)';
        report(svc, { field: `spec.ports[${i}].name`, value: name, message: `port ${port.port} name ${shown} does not tell Istio its protocol; expected <protocol>[-<suffix>] with protocol one of ${PROTOCOL_PREFIXES.join(', ')}`, fix: `name the port like ${suggested}, or set appProtocol` });
      });
    }
  },
});
