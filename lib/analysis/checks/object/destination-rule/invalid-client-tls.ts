import { defineCheck } from '../../../check';
import { formatValue, Severity } from '../../../finding';
import { asRecord, isRecord } from '../../../manifest/read';
import { isNonEmptyArray, isSet, Report } from './private/fields';
import { DESTINATION_RULE_KINDS } from './private/kinds';
import { policySettings } from './private/traffic-policies';

const CONFIGMAP_PREFIX = 'configmap://';

/**
 * CI0213: client TLS settings (`tls` of a traffic policy) that Istio's webhook rejects
 * (`ValidateTLS`): mode `MUTUAL` without `credentialName` and without `clientCertificate` and
 * `privateKey`; `credentialName` (modes `SIMPLE`, `MUTUAL`) together with certificate files,
 * `caCertificates` or `caCrl`; `insecureSkipVerify` together with `caCertificates`,
 * `subjectAltNames` or (mode `SIMPLE`) `credentialName`; a `configmap://` credential that does not
 * name `<namespace>/<name>` in the rule's own namespace.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/destination-rule/#ClientTLSSettings
 */
export const InvalidClientTls = defineCheck({
  code: 'CI0213',
  name: 'InvalidClientTls',
  severity: Severity.ERROR,
  counterpart: 'webhook',
  catches: 'client TLS MUTUAL without a client certificate, credentialName with certificate files, insecureSkipVerify with CA settings, or a configmap:// credential outside the namespace',
  scope: 'object',
  kinds: DESTINATION_RULE_KINDS,
  evaluate({ object, report }) {
    for (const { settings, field } of policySettings(asRecord(object.manifest.spec))) {
      if (isRecord(settings.tls)) checkTls(report, settings.tls, `${field}.tls`, object.namespace || 'default');
    }
  },
});

function checkTls(report: Report, tls: Record<string, any>, at: string, namespace: string): void {
  const mode = typeof tls.mode === 'string' ? tls.mode : 'DISABLE';
  const credentialName = isSet(tls.credentialName) ? tls.credentialName : undefined;

  if (credentialName?.startsWith(CONFIGMAP_PREFIX)) {
    const problem = configMapProblem(credentialName, namespace);
    if (problem) {
      report({ field: `${at}.credentialName`, value: credentialName, message: problem, fix: `set ${at}.credentialName to 'configmap://${namespace}/<name>', a ConfigMap in the rule's namespace` });
    }
  }

  if (tls.insecureSkipVerify === true && (mode === 'SIMPLE' || mode === 'MUTUAL')) {
    const conflicts = [
      isSet(tls.caCertificates) ? 'caCertificates' : undefined,
      mode === 'SIMPLE' && credentialName ? 'credentialName' : undefined,
      // Go reads subjectAltNames: [] as unset
      isNonEmptyArray(tls.subjectAltNames) ? 'subjectAltNames' : undefined,
    ].filter((c): c is string => c !== undefined);
    if (conflicts.length > 0) {
      report({
        field: `${at}.insecureSkipVerify`, value: true,
        message: `insecureSkipVerify cannot be combined with ${conflicts.join(', ')} in ${mode} mode: they configure the verification it skips`,
        fix: `remove ${at}.insecureSkipVerify to verify the server, or remove ${conflicts.join(', ')}`,
      });
    }
  }

  if ((mode === 'SIMPLE' || mode === 'MUTUAL') && credentialName) {
    const files = ['clientCertificate', 'privateKey', 'caCertificates', 'caCrl'].filter((f) => isSet(tls[f]));
    if (files.length > 0) {
      report({
        field: `${at}.credentialName`, value: credentialName,
        message: `${mode} tls with credentialName ${formatValue(credentialName)} cannot also set ${files.join(', ')}: the Secret holds the certificates`,
        fix: `remove ${files.join(', ')} from ${at}, or remove credentialName and use the files`,
      });
    }
    return;
  }

  if (mode === 'MUTUAL') {
    const fix = `set ${at}.credentialName to a Secret holding the client certificate and key, or set both clientCertificate and privateKey (in code: ClientTls.mutual({ credentialName }))`;
    if (!isSet(tls.clientCertificate)) {
      report({ field: `${at}.clientCertificate`, value: tls.clientCertificate, message: 'MUTUAL tls needs a client certificate: credentialName, or clientCertificate and privateKey', fix });
    }
    if (!isSet(tls.privateKey)) {
      report({ field: `${at}.privateKey`, value: tls.privateKey, message: 'MUTUAL tls needs the client\'s private key: credentialName, or clientCertificate and privateKey', fix });
    }
  }
}

/** Istio's rules for `configmap://<namespace>/<name>` credentials (credentials.ParseResourceName). */
function configMapProblem(credentialName: string, namespace: string): string | undefined {
  const parts = credentialName.slice(CONFIGMAP_PREFIX.length).split('/');
  if (parts.length <= 1 || parts[0] === '' || parts[1] === '') {
    return `credentialName ${formatValue(credentialName)} must name a ConfigMap as configmap://<namespace>/<name>`;
  }
  if (parts[0] !== namespace) {
    return `credentialName ${formatValue(credentialName)} names namespace '${parts[0]}', but a configmap:// credential must be in the rule's namespace '${namespace}'`;
  }
  return undefined;
}
