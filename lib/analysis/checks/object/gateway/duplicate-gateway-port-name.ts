import { defineCheck } from '../../../check';
import { Severity } from '../../../finding';
import { eachServer, GATEWAY_KINDS } from './private/servers';

/**
 * CI0305: two servers of one Gateway with the same port name. Istio's webhook rejects it: the
 * port name tells HTTPS servers apart (their routes are named after it).
 *
 * @see https://istio.io/latest/docs/reference/config/networking/gateway/#Port
 */
export const DuplicateGatewayPortName = defineCheck({
  code: 'CI0305',
  name: 'DuplicateGatewayPortName',
  severity: Severity.ERROR,
  counterpart: 'webhook',
  catches: 'two servers of one Gateway with the same port name',
  scope: 'object',
  kinds: GATEWAY_KINDS,
  evaluate({ object, report }) {
    const first = new Map<string, number>();
    eachServer(object, ({ at, index, port }) => {
      const name = port?.name;
      if (typeof name !== 'string' || name === '') return;
      const earlier = first.get(name);
      if (earlier === undefined) {
        first.set(name, index);
        return;
      }
      report({
        field: `${at}.port.name`, value: name,
        message: `port name '${name}' is already used by spec.servers[${earlier}]; port names must be unique in a Gateway`,
        fix: `rename this server's port.name, e.g. '${name}-${port?.number ?? index}'`,
      });
    });
  },
});
