import { defineCheck } from '../../../check';
import { formatValue, Severity } from '../../../finding';
import { portProblem } from '../../../values/validate';
import { eachServer, GATEWAY_KINDS } from './private/servers';
import { SUPPORTED_PROTOCOLS } from './private/protocol';

/**
 * CI0304: a Gateway server port Istio's webhook rejects: no port, a number outside 1-65535
 * (0 is allowed only with a `unix://` bind), a protocol Istio does not know, no name, or a
 * `targetPort` (which has no effect on Gateways). Port names are free-form here: Istio only
 * requires them to be set and unique (CI0305).
 *
 * @see https://istio.io/latest/docs/reference/config/networking/gateway/#Port
 */
export const InvalidGatewayServerPort = defineCheck({
  code: 'CI0304',
  name: 'InvalidGatewayServerPort',
  severity: Severity.ERROR,
  counterpart: 'webhook',
  catches: 'a Gateway server without a port, or with a port number, protocol or name Istio rejects, or a targetPort',
  scope: 'object',
  kinds: GATEWAY_KINDS,
  evaluate({ object, report }) {
    eachServer(object, ({ server, at, port, protocol }) => {
      if (!port) {
        report({ field: `${at}.port`, value: server.port, message: 'server has no port', fix: 'set port with number, name and protocol, e.g. { number: 80, name: \'http\', protocol: \'HTTP\' }' });
        return;
      }
      if (protocol === undefined) {
        report({
          field: `${at}.port.protocol`, value: port.protocol,
          message: port.protocol === undefined ? 'server port has no protocol' : `server port protocol ${formatValue(port.protocol)} is not supported; use ${SUPPORTED_PROTOCOLS}`,
          fix: 'set port.protocol to HTTP, HTTPS, HTTP2, GRPC, TCP, TLS or another supported protocol',
        });
      }
      const number = port.number ?? 0;
      const unixBind = typeof server.bind === 'string' && server.bind.startsWith('unix://');
      if (!(unixBind && number === 0)) {
        const problem = typeof number === 'number' ? portProblem(number) : 'must be a number';
        if (problem) {
          report({
            field: `${at}.port.number`, value: port.number,
            message: `server port number ${problem}, got ${formatValue(port.number)}`,
            fix: 'use the port the gateway proxy listens on, from 1 to 65535 (e.g. 8080 or 443), or 0 with a unix:// bind',
          });
        }
      }
      if (typeof port.targetPort === 'number' && port.targetPort > 0) {
        report({
          field: `${at}.port.targetPort`, value: port.targetPort,
          message: 'targetPort has no effect on Gateways, and Istio rejects it',
          fix: 'remove port.targetPort; set port.number to the port the gateway proxy listens on',
        });
      }
      if (port.name === undefined || port.name === null || port.name === '') {
        report({ field: `${at}.port.name`, value: port.name, message: 'server port has no name', fix: 'set port.name to a name unique in the Gateway, e.g. \'http\' or \'https-443\'' });
      }
    });
  },
});
