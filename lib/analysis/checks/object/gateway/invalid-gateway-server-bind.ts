import { defineCheck } from '../../../check';
import { formatValue, Severity } from '../../../finding';
import { ipProblem, unixAddressProblem } from '../../../values/ip';
import { eachServer, GATEWAY_KINDS } from './private/servers';

/**
 * CI0306: a Gateway server `bind` Istio's webhook rejects: neither an IP address nor a
 * `unix://` socket (an absolute path or `@abstract`), or a unix socket with a port number other
 * than 0.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/gateway/#Server
 */
export const InvalidGatewayServerBind = defineCheck({
  code: 'CI0306',
  name: 'InvalidGatewayServerBind',
  severity: Severity.ERROR,
  counterpart: 'webhook',
  catches: 'a Gateway server bind that is not an IP or unix:// socket, or a unix socket bind with a port number other than 0',
  scope: 'object',
  kinds: GATEWAY_KINDS,
  evaluate({ object, report }) {
    eachServer(object, ({ server, at, port }) => {
      const bind = server.bind;
      if (typeof bind !== 'string' || bind === '') return;
      if (bind.startsWith('unix://')) {
        const problem = unixAddressProblem(bind);
        if (problem) report({ field: `${at}.bind`, value: bind, message: `bind '${bind}' ${problem}`, fix: 'use unix:///absolute/path or unix://@name' });
        if (port && port.number !== undefined && port.number !== 0) {
          report({
            field: `${at}.port.number`, value: port.number,
            message: `a server bound to the unix socket '${bind}' must have port number 0, got ${formatValue(port.number)}`,
            fix: 'set port.number to 0, or bind to an IP address',
          });
        }
        return;
      }
      const problem = ipProblem(bind);
      if (problem) {
        report({ field: `${at}.bind`, value: bind, message: `bind '${bind}' ${problem}`, fix: 'bind to an IP address of the gateway pod (e.g. 0.0.0.0), a unix:// socket, or remove bind' });
      }
    });
  },
});
