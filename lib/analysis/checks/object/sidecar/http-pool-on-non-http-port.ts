import { defineCheck } from '../../../check';
import { Severity } from '../../../finding';
import { isRecord } from '../../../manifest/read';
import { isHttpProtocol, parseProtocol } from '../gateway/private/protocol';
import { eachIngress, SIDECAR_KINDS } from './private/listeners';

/**
 * CI0510: an ingress listener whose `connectionPool` sets `http` limits on a port whose protocol
 * is not HTTP (HTTP, HTTP2, GRPC, GRPC-Web, HTTP_PROXY), or not set: Istio warns that only the
 * `tcp` settings then apply.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/sidecar/#IstioIngressListener
 */
export const HttpPoolOnNonHttpPort = defineCheck({
  code: 'CI0510',
  name: 'HttpPoolOnNonHttpPort',
  severity: Severity.WARNING,
  counterpart: 'webhook',
  catches: 'HTTP connection-pool settings on a Sidecar ingress port whose protocol is not HTTP (Istio ignores them)',
  scope: 'object',
  kinds: SIDECAR_KINDS,
  evaluate({ object, report }) {
    eachIngress(object, ({ listener, at, port }) => {
      if (!port || !isRecord(listener.connectionPool) || !isRecord(listener.connectionPool.http)) return;
      if (isHttpProtocol(parseProtocol(port.protocol))) return;
      report({
        field: `${at}.connectionPool.http`, value: listener.connectionPool.http,
        message: `HTTP connection pool settings have no effect on port ${port.number} with protocol ${port.protocol === undefined ? '(unset)' : port.protocol}; only the tcp settings apply`,
        fix: 'set port.protocol to HTTP (or HTTP2, GRPC) if the port carries HTTP, or remove connectionPool.http',
      });
    });
  },
});
