import { asArray, isRecord } from '../../manifest/read';
import { ManifestObject } from '../../manifest-object';
import { defineCheck, CheckReport } from '../../check';
import { Severity } from '../../finding';

/** How the proxy checks the server of a TLS policy without `caCertificates`, in Istio 1.30. */
function verification(tls: Record<string, unknown>): string {
  if (tls.insecureSkipVerify === true) return 'insecureSkipVerify is set, so the proxy does not verify the server\'s certificate at all';
  const sni = typeof tls.sni === 'string' && tls.sni !== '';
  const sans = asArray(tls.subjectAltNames).length > 0;
  if (sni && !sans) return 'the proxy verifies the certificate chain against its OS CA bundle only, and not the server\'s name (sni is set and subjectAltNames is empty, so Istio adds no SAN validation)';
  return 'the proxy verifies the certificate only against its OS CA bundle (Istio\'s default for an omitted caCertificates), so any publicly trusted certificate'
    + (sans ? ' with one of the subjectAltNames' : ' for the host') + ' is accepted, and a server with a private CA fails the handshake';
}

/**
 * CI1044: a DestinationRule originates TLS (`SIMPLE` or `MUTUAL`, for the whole host or a port)
 * without `caCertificates` to verify the server with (a warning, as istioctl IST0128
 * NoServerCertificateVerificationDestinationLevel and IST0129
 * NoServerCertificateVerificationPortLevel).
 *
 * As istioctl, a TLS policy is exempt when it names a `credentialName` and the DestinationRule
 * has a `workloadSelector` (the Secret then holds the CA, `ca.crt`); a `credentialName` applies to
 * sidecars only with a `workloadSelector`. The message says what Istio 1.30 does instead: with
 * `caCertificates` omitted the proxy verifies the server against its OS CA bundle; with `sni` set
 * and no `subjectAltNames` it does not check the server's name; with `insecureSkipVerify` it checks
 * nothing. Subsets' traffic policies are not read, as istioctl.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/destination-rule/#ClientTLSSettings
 * @see https://istio.io/latest/docs/reference/config/analysis/ist0128/
 * @see https://istio.io/latest/docs/reference/config/analysis/ist0129/
 */
export const NoServerCertificateVerification = defineCheck({
  code: 'CI1044',
  name: 'NoServerCertificateVerification',
  severity: Severity.WARNING,
  counterpart: 'IST0128 NoServerCertificateVerificationDestinationLevel / IST0129 NoServerCertificateVerificationPortLevel',
  catches: 'a DestinationRule originates TLS (SIMPLE or MUTUAL) without caCertificates to verify the server with',
  scope: 'mesh',
  evaluate({ model, report }) {
    for (const dr of model.destinationRules) {
      const policy = dr.manifest.spec?.trafficPolicy;
      if (!isRecord(policy)) continue;
      const selected = isRecord(dr.manifest.spec?.workloadSelector);
      const host = typeof dr.manifest.spec?.host === 'string' ? dr.manifest.spec.host : '';
      const finding = (tls: unknown, field: string, where: string): CheckReport | undefined => {
        if (!isRecord(tls) || (tls.mode !== 'SIMPLE' && tls.mode !== 'MUTUAL')) return undefined;
        if (typeof tls.caCertificates === 'string' && tls.caCertificates !== '') return undefined;
        if (typeof tls.credentialName === 'string' && tls.credentialName !== '' && selected) return undefined;
        return {
          field,
          value: undefined,
          message: `DestinationRule '${dr.qualifiedName}' originates ${tls.mode} TLS to '${host}'${where} without caCertificates: ${verification(tls)}`,
          fix: `set ${field}.caCertificates to the file of the CA that signs the server's certificate (mounted in the proxy)`
            + (typeof tls.credentialName === 'string' && tls.credentialName !== '' ? ', or add spec.workloadSelector so that the credentialName Secret\'s ca.crt applies' : ''),
        };
      };
      emit(report, dr, finding(policy.tls, 'spec.trafficPolicy.tls', ''));
      asArray(policy.portLevelSettings).forEach((setting: unknown, i: number) => {
        if (!isRecord(setting)) return;
        const port = isRecord(setting.port) ? setting.port.number : undefined;
        emit(report, dr, finding(setting.tls, `spec.trafficPolicy.portLevelSettings[${i}].tls`, typeof port === 'number' ? ` port ${port}` : ''));
      });
    }
  },
});

function emit(report: (o: ManifestObject, f: CheckReport) => void, dr: ManifestObject, finding: CheckReport | undefined): void {
  if (finding) report(dr, finding);
}
