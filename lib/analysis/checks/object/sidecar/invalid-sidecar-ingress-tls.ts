import { defineCheck } from '../../../check';
import { formatValue, Severity } from '../../../finding';
import { isRecord } from '../../../manifest/read';
import { isTlsProtocol, parseProtocol } from '../gateway/private/protocol';
import {
  cipherSuiteProblems, credentialConflictProblems, isSetString, missingCertificateProblems, versionRangeProblems,
} from '../gateway/private/server-tls';
import { eachIngress, SIDECAR_KINDS } from './private/listeners';

const UNSUPPORTED = ['subjectAltNames', 'httpsRedirect', 'credentialName', 'credentialNames', 'tlsCertificates'];

/**
 * CI0508: an ingress listener `tls` Istio's webhook rejects or warns about. On top of the
 * Gateway's server TLS rules (certificates for SIMPLE and MUTUAL, conflicting credentials,
 * cipher suites), a Sidecar does not support `subjectAltNames`, `httpsRedirect`,
 * `credentialName(s)` or `tlsCertificates`, nor the modes ISTIO_MUTUAL and AUTO_PASSTHROUGH, and
 * only an HTTPS or TLS port can carry `tls`.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/sidecar/#IstioIngressListener
 */
export const InvalidSidecarIngressTls = defineCheck({
  code: 'CI0508',
  name: 'InvalidSidecarIngressTls',
  severity: Severity.ERROR,
  counterpart: 'webhook',
  catches: 'ingress listener tls with fields or modes a Sidecar does not support, on a port that is not HTTPS or TLS, or without the certificate files its mode needs',
  scope: 'object',
  kinds: SIDECAR_KINDS,
  evaluate({ object, report }) {
    eachIngress(object, ({ listener, at, port }) => {
      const tls = listener.tls;
      if (!port || !isRecord(tls)) return;
      const base = `${at}.tls`;
      for (const key of UNSUPPORTED) {
        const v = tls[key];
        if (!(Array.isArray(v) ? v.length > 0 : key === 'httpsRedirect' ? v === true : isSetString(v))) continue;
        report({
          field: `${base}.${key}`, value: v,
          message: `${key} is not supported in a Sidecar ingress listener's tls`,
          fix: key.startsWith('credentialName') || key === 'tlsCertificates'
            ? 'remove it, and set serverCertificate and privateKey to certificate files mounted in the workload\'s proxy'
            : 'remove it',
        });
      }
      if (tls.mode === 'ISTIO_MUTUAL' || tls.mode === 'AUTO_PASSTHROUGH') {
        report({
          field: `${base}.mode`, value: tls.mode,
          message: `tls mode ${tls.mode} cannot be set in a Sidecar ingress listener`,
          fix: 'use mode SIMPLE or MUTUAL with certificate files, or remove tls (Istio mutual TLS between sidecars needs no ingress listener tls)',
        });
      }
      if (!isTlsProtocol(parseProtocol(port.protocol))) {
        report({
          field: `${at}.port.protocol`, value: port.protocol,
          message: `only an HTTPS or TLS port can have tls, got protocol ${formatValue(port.protocol)}`,
          fix: 'set port.protocol to HTTPS or TLS, or remove tls',
        });
      }
      const problems = [
        ...missingCertificateProblems(tls, base, false),
        ...credentialConflictProblems(tls, base),
        ...cipherSuiteProblems(tls, base),
        ...versionRangeProblems(tls, base),
      ];
      for (const p of problems) report(p);
    });
  },
});
