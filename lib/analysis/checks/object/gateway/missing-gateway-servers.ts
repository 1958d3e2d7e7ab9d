import { defineCheck } from '../../../check';
import { Severity } from '../../../finding';
import { asRecord, eachItem, isRecord } from '../../../manifest/read';
import { GATEWAY_KINDS } from './private/servers';

/**
 * CI0302: a Gateway without servers, or with an entry of `servers` that is not a server (null).
 * Istio's webhook rejects both.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/gateway/#Gateway
 */
export const MissingGatewayServers = defineCheck({
  code: 'CI0302',
  name: 'MissingGatewayServers',
  severity: Severity.ERROR,
  counterpart: 'webhook',
  catches: 'a Gateway with no servers, or a null server',
  scope: 'object',
  kinds: GATEWAY_KINDS,
  evaluate({ object, report }) {
    const servers = asRecord(object.manifest.spec).servers;
    if (servers === undefined || servers === null || (Array.isArray(servers) && servers.length === 0)) {
      report({
        field: 'spec.servers', value: servers,
        message: 'gateway has no servers; Istio requires at least one',
        fix: 'add a server under spec.servers with port, hosts and (for HTTPS) tls (in code: servers or addServer(), e.g. GatewayServer.http({ hosts: [\'*\'] }))',
      });
      return;
    }
    eachItem(servers, 'spec.servers', (server, at) => {
      if (!isRecord(server)) {
        report({ field: at, value: server, message: `server is ${server === null || server === undefined ? 'null' : 'not an object'}`, fix: 'remove the entry or give it port and hosts' });
      }
    });
  },
});
