import { defineCheck } from '../../../check';
import { formatValue, Severity } from '../../../finding';
import { asArray, eachItem } from '../../../manifest/read';
import { namespacedHostProblem } from '../../../values/istio-names';
import { eachServer, GATEWAY_KINDS } from './private/servers';

/**
 * CI0303: a Gateway server without hosts, or with a host Istio's webhook rejects. A host is
 * `[namespace/]dnsName`: the namespace is `*`, `.` or a namespace name (`~` only in Gateways
 * generated from the Kubernetes Gateway API); the dnsName is `*`, a fully qualified name whose
 * first label may be `*` (`*.example.com`), or an IP address; short names (`reviews`) and
 * partial wildcards (`*foo.example.com`) are rejected.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/gateway/#Server
 */
export const InvalidGatewayServerHost = defineCheck({
  code: 'CI0303',
  name: 'InvalidGatewayServerHost',
  severity: Severity.ERROR,
  counterpart: 'webhook',
  catches: 'a Gateway server without hosts, or a host that is short, a partial wildcard, or has an invalid namespace part',
  scope: 'object',
  kinds: GATEWAY_KINDS,
  evaluate({ object, report }) {
    eachServer(object, ({ server, at }) => {
      if (asArray(server.hosts).length === 0) {
        report({
          field: `${at}.hosts`, value: server.hosts,
          message: 'server has no hosts; Istio requires at least one',
          fix: 'list the hosts the server accepts under hosts, e.g. [\'bookinfo.example.com\'] or [\'*\']',
        });
        return;
      }
      eachItem(server.hosts, `${at}.hosts`, (host, field) => {
        const problem = namespacedHostProblem(host, 'gateway');
        if (!problem) return;
        report({
          field, value: host,
          message: `gateway host ${formatValue(host)} ${problem}`,
          fix: 'use a fully qualified name (\'bookinfo.example.com\'), a wildcard (\'*.example.com\' or \'*\') or an IP, optionally prefixed by \'<namespace>/\', \'./\' or \'*/\'',
        });
      });
    });
  },
});
