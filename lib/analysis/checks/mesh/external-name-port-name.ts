import { asArray } from '../../manifest/read';
import { defineCheck } from '../../check';
import { Severity } from '../../finding';
import { portNamesExempt, serviceProtocol } from './private/port-protocol';

/**
 * CI1060: a port of an ExternalName Service is named `tcp` or tells Istio no protocol (warning).
 *
 * Istio turns an ExternalName Service into a DNS service entry; for a port that serves plain TCP
 * (or whose protocol is unknown), the sidecars cannot tell its traffic from other TCP traffic on
 * that port, and may not forward it, or forward unmatched traffic to it (istioctl IST0150). Name
 * the port after the protocol it serves (`https`, `tls-*`, `http-*`, `grpc-*`). istioctl flags the
 * name `tcp` exactly; `tcp-<suffix>` (the same protocol) is flagged here too. The exemptions of
 * CI1011 (system namespaces, Istio's control plane) apply.
 *
 * @see https://istio.io/latest/docs/reference/config/analysis/ist0150/
 */
export const ExternalNamePortName = defineCheck({
  code: 'CI1060',
  name: 'ExternalNamePortName',
  severity: Severity.WARNING,
  counterpart: 'IST0150 ExternalNameServiceTypeInvalidPortName',
  catches: 'a port of an ExternalName Service is named tcp or tells Istio no protocol',
  scope: 'mesh',
  evaluate({ model, report }) {
    for (const svc of model.services) {
      if (svc.manifest.spec?.type !== 'ExternalName' || portNamesExempt(svc)) continue;
      asArray(svc.manifest.spec?.ports).forEach((port: any, i: number) => {
        if (!port || port.protocol === 'UDP' || port.protocol === 'SCTP') return;
        const written = String(port.appProtocol ?? port.name ?? '').toLowerCase();
        const tcp = written === 'tcp' || written.startsWith('tcp-');
        if (!tcp && serviceProtocol(port) !== undefined) return;
        const shown = typeof port.name === 'string' ? `'${port.name}'` : '(unnamed)';
        const why = tcp ? 'serves plain TCP' : 'tells Istio no protocol';
        report(svc, {
          field: `spec.ports[${i}].name`,
          value: port.name,
          message: `port ${port.port} ${shown} of ExternalName Service '${svc.qualifiedName}' (${svc.manifest.spec?.externalName}) ${why}, so the sidecars may not forward its traffic, or forward other TCP traffic on port ${port.port} to it`,
          fix: 'name the port after the protocol the external service speaks: https, tls-<suffix>, http-<suffix> or grpc-<suffix> (or set appProtocol)',
        });
      });
    }
  },
});
