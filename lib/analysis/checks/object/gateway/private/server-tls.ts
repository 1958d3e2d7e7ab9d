/**
 * Istio's `validateTLSOptions` over a manifest's `ServerTLSSettings` (a Gateway server's `tls`,
 * and a Sidecar ingress listener's `tls`, which Istio validates with the same function), split
 * into the families our checks report. Each function returns the findings of its family, with
 * fields under `at` (the path of the `tls` object).
 */
import { CheckReport } from '../../../../check';
import { Severity } from '../../../../finding';
import { asArray, isRecord } from '../../../../manifest/read';

const TERMINATING = new Set(['SIMPLE', 'MUTUAL', 'OPTIONAL_MUTUAL']);
const PASSTHROUGH = new Set(['PASSTHROUGH', 'AUTO_PASSTHROUGH']);
const VERSIONS = ['TLSV1_0', 'TLSV1_1', 'TLSV1_2', 'TLSV1_3'];

// Envoy's (BoringSSL's) cipher suites, as Istio lists them in pkg/config/security ValidCipherSuites
const CIPHER_SUITES = new Set([
  'ECDHE-ECDSA-AES128-GCM-SHA256', 'ECDHE-RSA-AES128-GCM-SHA256', 'ECDHE-ECDSA-AES256-GCM-SHA384', 'ECDHE-RSA-AES256-GCM-SHA384',
  'ECDHE-ECDSA-CHACHA20-POLY1305', 'ECDHE-RSA-CHACHA20-POLY1305', 'ECDHE-ECDSA-AES128-SHA', 'ECDHE-RSA-AES128-SHA',
  'ECDHE-ECDSA-AES256-SHA', 'ECDHE-RSA-AES256-SHA', 'AES128-GCM-SHA256', 'AES256-GCM-SHA384', 'AES128-SHA', 'AES256-SHA', 'DES-CBC3-SHA',
]);

/** The TLS mode Istio reads: `PASSTHROUGH` when unset (the enum's zero value). */
export function tlsMode(tls: Record<string, any>): string {
  return tls.mode === undefined || tls.mode === null ? 'PASSTHROUGH' : String(tls.mode);
}

/** Whether a string field is set (proto3 reads `''` as unset). */
export function isSetString(value: unknown): boolean {
  return typeof value === 'string' && value !== '';
}

/** Whether a list field has entries. */
function isSetList(value: unknown): boolean {
  return Array.isArray(value) && value.length > 0;
}

function hasCredential(tls: Record<string, any>): boolean {
  return isSetString(tls.credentialName) || isSetList(tls.credentialNames);
}

/**
 * SIMPLE, MUTUAL and OPTIONAL_MUTUAL need a server certificate: a `credentialName` (or
 * `credentialNames`), else `serverCertificate` and `privateKey` (or `tlsCertificates` entries
 * with both), and the mutual modes also `caCertificates`.
 *
 * @param credentials whether `credentialName` is an option here (Gateways; Sidecars do not support it)
 */
export function missingCertificateProblems(tls: Record<string, any>, at: string, credentials: boolean): CheckReport[] {
  const mode = tlsMode(tls);
  if (!TERMINATING.has(mode) || hasCredential(tls)) return [];
  const mutual = mode !== 'SIMPLE';
  const out: CheckReport[] = [];
  const certificates = asArray(tls.tlsCertificates);
  const nothing = !isSetString(tls.serverCertificate) && !isSetString(tls.privateKey) && !isSetString(tls.caCertificates) && certificates.length === 0;
  const files = `serverCertificate and privateKey${mutual ? ' and caCertificates' : ''}`;
  if (nothing && credentials) {
    return [{
      field: `${at}.credentialName`,
      value: tls.credentialName,
      message: `${mode} tls has no server certificate: neither credentialName nor ${files} is set`,
      fix: `set credentialName to a Secret in the gateway's namespace holding tls.crt and tls.key${mutual ? ' (and ca.crt)' : ''}, or set ${files} to files mounted in the proxy`,
    }];
  }
  if (mutual && !isSetString(tls.caCertificates)) {
    out.push({
      field: `${at}.caCertificates`, value: tls.caCertificates,
      message: `${mode} tls without ${credentials ? 'a credentialName ' : ''}needs caCertificates, the CA bundle that verifies client certificates`,
      fix: `set caCertificates to the path of a CA bundle mounted in the proxy${credentials ? ', or use a credentialName whose Secret holds ca.crt' : ''}`,
    });
  }
  const entries = certificates.length > 0
    ? certificates.map((c, i) => ({ cert: isRecord(c) ? c : {}, base: `${at}.tlsCertificates[${i}]` }))
    : [{ cert: tls, base: at }];
  for (const { cert, base } of entries) {
    for (const key of ['serverCertificate', 'privateKey']) {
      if (isSetString(cert[key])) continue;
      out.push({
        field: `${base}.${key}`, value: cert[key],
        message: `${mode} tls without ${credentials ? 'a credentialName ' : ''}needs ${key === 'serverCertificate' ? 'a serverCertificate' : 'a privateKey'}`,
        fix: `set ${key} to the path of the ${key === 'serverCertificate' ? 'certificate' : 'private key'} file mounted in the proxy${credentials ? ', or use a credentialName' : ''}`,
      });
    }
  }
  if (certificates.length > 2) {
    out.push({
      field: `${at}.tlsCertificates`, value: certificates.length,
      message: `${mode} tls can have at most 2 tlsCertificates (one RSA, one ECDSA), got ${certificates.length}`,
      fix: 'keep at most two entries in tlsCertificates',
    });
  }
  return out;
}

/**
 * Credentials a mode forbids or ignores, and certificate sources that exclude each other:
 * ISTIO_MUTUAL with any certificate (error), PASSTHROUGH and AUTO_PASSTHROUGH with certificates
 * (Istio's warning: they are ignored), more than one of credentialName, credentialNames,
 * serverCertificate/privateKey and tlsCertificates (error), and `caCrl` with a credentialName or
 * in SIMPLE mode (error).
 */
export function credentialConflictProblems(tls: Record<string, any>, at: string): CheckReport[] {
  const mode = tlsMode(tls);
  const out: CheckReport[] = [];
  const present = (key: string) => (key === 'tlsCertificates' || key === 'credentialNames' ? isSetList(tls[key]) : isSetString(tls[key]));
  if (mode === 'ISTIO_MUTUAL') {
    for (const key of ['serverCertificate', 'privateKey', 'caCertificates', 'tlsCertificates', 'credentialName', 'credentialNames']) {
      if (!present(key)) continue;
      out.push({
        field: `${at}.${key}`, value: tls[key],
        message: `ISTIO_MUTUAL tls uses the proxy's Istio certificate and cannot have ${key}`,
        fix: `remove ${key}, or use mode SIMPLE or MUTUAL to serve your own certificate`,
      });
    }
    return out;
  }
  if (PASSTHROUGH.has(mode)) {
    const ignored = ['credentialName', 'credentialNames', 'serverCertificate', 'privateKey', 'caCertificates', 'caCrl', 'tlsCertificates'].filter(present);
    if (ignored.length > 0) {
      // reported on the mode, so that this warning never hides a CRD error on one of the fields
      out.push({
        field: `${at}.mode`, value: tls.mode, severity: Severity.WARNING,
        message: `${mode} mode${tls.mode === undefined ? ' (the default when mode is unset)' : ''} does not use certificates; Istio ignores ${ignored.join(', ')}`,
        fix: `remove ${ignored.join(', ')}, or set mode SIMPLE or MUTUAL to terminate TLS`,
      });
    }
  }
  const sources = [
    isSetString(tls.serverCertificate) && isSetString(tls.privateKey) ? 'serverCertificate/privateKey' : undefined,
    isSetString(tls.credentialName) ? 'credentialName' : undefined,
    isSetList(tls.credentialNames) ? 'credentialNames' : undefined,
    isSetList(tls.tlsCertificates) ? 'tlsCertificates' : undefined,
  ].filter((s): s is string => s !== undefined);
  if (sources.length > 1) {
    out.push({
      field: at, value: sources,
      message: `tls sets ${sources.length} certificate sources (${sources.join(', ')}); only one of credentialName, credentialNames, serverCertificate/privateKey and tlsCertificates is allowed`,
      fix: `keep one certificate source and remove ${sources.slice(1).join(', ')}`,
    });
  }
  // Istio stops here for terminating modes with a credential: their caCrl is not checked
  if (isSetString(tls.caCrl) && !(TERMINATING.has(mode) && hasCredential(tls))) {
    if (isSetString(tls.credentialName)) {
      out.push({
        field: `${at}.caCrl`, value: tls.caCrl,
        message: 'caCrl cannot be combined with credentialName; the revocation list has to be in the credential',
        fix: 'remove caCrl and add the revocation list to the credential\'s Secret (key ca.crl)',
      });
    }
    if (mode === 'SIMPLE') {
      out.push({
        field: `${at}.caCrl`, value: tls.caCrl,
        message: 'caCrl is not supported with SIMPLE tls, which does not verify client certificates',
        fix: 'remove caCrl, or use mode MUTUAL to verify client certificates against it',
      });
    }
  }
  return out;
}

/**
 * Istio's cipher-suite warnings: TLS below 1.2 without cipher suites (the default suites no
 * longer include ones those versions can use), cipher suites Envoy does not know, and duplicates.
 * Envoy ignores the invalid and duplicate ones.
 */
export function cipherSuiteProblems(tls: Record<string, any>, at: string): CheckReport[] {
  const out: CheckReport[] = [];
  const suites = asArray(tls.cipherSuites);
  if ((tls.minProtocolVersion === 'TLSV1_0' || tls.minProtocolVersion === 'TLSV1_1') && suites.length === 0) {
    out.push({
      field: `${at}.cipherSuites`, severity: Severity.WARNING,
      message: `minProtocolVersion ${tls.minProtocolVersion} needs cipherSuites: the default cipher suites no longer include ones TLS below 1.2 can use`,
      fix: 'list cipher suites that the old TLS version supports in cipherSuites (for example ECDHE-RSA-AES128-SHA), or raise minProtocolVersion to TLSV1_2',
    });
  }
  const seen = new Set<string>();
  suites.forEach((suite, i) => {
    if (typeof suite !== 'string') return;
    if (!isValidCipherSuite(suite)) {
      out.push({
        field: `${at}.cipherSuites[${i}]`, value: suite, severity: Severity.WARNING,
        message: `cipher suite '${suite}' is not one Envoy supports, so Istio ignores it; supported: ${[...CIPHER_SUITES].join(', ')}`,
        fix: 'use an OpenSSL-style cipher suite name from the supported list, or remove it',
      });
    } else if (seen.has(suite)) {
      out.push({
        field: `${at}.cipherSuites[${i}]`, value: suite, severity: Severity.WARNING,
        message: `cipher suite '${suite}' is listed twice; Istio ignores the duplicate`,
        fix: 'list every cipher suite once',
      });
    } else {
      seen.add(suite);
    }
  });
  return out;
}

/**
 * A minimum TLS version above the maximum: Istio accepts it, but no TLS version can then be
 * negotiated (a warning, stricter than Istio).
 */
export function versionRangeProblems(tls: Record<string, any>, at: string): CheckReport[] {
  const min = VERSIONS.indexOf(tls.minProtocolVersion);
  const max = VERSIONS.indexOf(tls.maxProtocolVersion);
  if (min < 0 || max < 0 || min <= max) return [];
  return [{
    field: `${at}.minProtocolVersion`, value: tls.minProtocolVersion, severity: Severity.WARNING,
    message: `minProtocolVersion ${tls.minProtocolVersion} is above maxProtocolVersion ${tls.maxProtocolVersion}, so no TLS version can be negotiated (stricter than Istio, which accepts it)`,
    fix: 'lower minProtocolVersion or raise maxProtocolVersion',
  }];
}

/** `security.IsValidCipherSuite`: a known suite, `ALL`, empty, or an expression starting with an operator. */
function isValidCipherSuite(suite: string): boolean {
  if (suite === '' || suite === 'ALL') return true;
  if (!/^[\p{L}\p{N}]/u.test(suite)) return true;
  return CIPHER_SUITES.has(suite);
}
