import { asArray, isRecord } from '../../manifest/read';
import { ManifestObject } from '../../manifest-object';
import { formatLabels, selects } from '../../model/mesh-model';
import { defineCheck } from '../../check';
import { Severity } from '../../finding';
import { gatewaySelector } from './private/gateway-workloads';

/** A TLS server of a Gateway, with the certificate it presents. */
interface TlsServer {
  readonly gateway: ManifestObject;
  readonly selector: Record<string, string>;
  readonly server: number;
  readonly certificate: string;
}

/** The certificate a server's `tls` names: `credentialName`, or the server certificate and key files; `undefined` when neither. */
function certificateOf(tls: Record<string, unknown>): string | undefined {
  if (typeof tls.credentialName === 'string' && tls.credentialName !== '') return `credentialName '${tls.credentialName}'`;
  const cert = tls.serverCertificate;
  const key = tls.privateKey;
  if (typeof cert === 'string' && cert !== '' && typeof key === 'string' && key !== '') return `serverCertificate '${cert}' with privateKey '${key}'`;
  return undefined;
}

/**
 * CI1043: two Gateways configure the same gateway proxies with the same TLS certificate, which may
 * cause 404s when clients re-use HTTP/2 connections (a warning, as istioctl IST0138
 * GatewayDuplicateCertificate).
 *
 * A browser re-uses an HTTP/2 connection for every host the certificate covers; when the hosts
 * are served by different Gateways (different filter chains), the proxy answers the re-used
 * connection's requests for the other Gateway's host with 404. As istioctl, a Gateway is reported
 * when its selector is empty or a subset of the other Gateway's (so it configures every proxy the
 * other one does), in any namespace, and a TLS server of each names the same `credentialName`
 * (or the same `serverCertificate` and `privateKey` files).
 *
 * @see https://istio.io/latest/docs/reference/config/analysis/ist0138/
 * @see https://istio.io/latest/docs/reference/config/networking/gateway/#ServerTLSSettings
 */
export const GatewayDuplicateCertificate = defineCheck({
  code: 'CI1043',
  name: 'GatewayDuplicateCertificate',
  severity: Severity.WARNING,
  counterpart: 'IST0138 GatewayDuplicateCertificate',
  catches: 'two Gateways configure the same gateway proxies with the same TLS certificate',
  scope: 'mesh',
  evaluate({ model, report }) {
    // index: certificate -> the TLS servers that present it
    const byCertificate = new Map<string, TlsServer[]>();
    for (const gateway of model.gateways) {
      const selector = gatewaySelector(gateway) ?? {};
      asArray(gateway.manifest.spec?.servers).forEach((server: unknown, i: number) => {
        if (!isRecord(server) || !isRecord(server.tls)) return;
        const certificate = certificateOf(server.tls);
        if (!certificate) return;
        const list = byCertificate.get(certificate) ?? [];
        list.push({ gateway, selector, server: i, certificate });
        byCertificate.set(certificate, list);
      });
    }
    for (const servers of byCertificate.values()) {
      if (new Set(servers.map((s) => s.gateway)).size < 2) continue;
      for (const a of servers) {
        const others = [...new Set(servers.filter((b) => b.gateway !== a.gateway && selects(a.selector, b.selector)).map((b) => `'${b.gateway.qualifiedName}'`))];
        if (others.length === 0) continue;
        report(a.gateway, {
          field: `spec.servers[${a.server}].tls`,
          value: undefined,
          message: `Gateway '${a.gateway.qualifiedName}' (selector ${formatLabels(a.selector)}) presents ${a.certificate}, as Gateway ${others.sort().join(', ')} does on the same proxies: `
            + 'clients that re-use an HTTP/2 connection for the other Gateway\'s hosts get 404s',
          fix: 'serve the hosts that share this certificate from one Gateway (one server with all the hosts), or give each Gateway its own certificate (spec.servers[].tls.credentialName)',
        });
      }
    }
  },
});
