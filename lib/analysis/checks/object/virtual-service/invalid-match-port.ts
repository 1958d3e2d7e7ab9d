import { defineCheck } from '../../../check';
import { formatValue, Severity } from '../../../finding';
import { eachAnyMatch, VIRTUAL_SERVICE_KINDS, vsContext } from './private/walk';

/**
 * CI0113: the `port` of an HTTP, TCP or TLS match outside 1-65535, which Istio's webhook rejects
 * (0 means no port condition).
 *
 * @see https://istio.io/latest/docs/reference/config/networking/virtual-service/#HTTPMatchRequest
 * @see https://istio.io/latest/docs/reference/config/networking/virtual-service/#L4MatchAttributes
 */
export const InvalidMatchPort = defineCheck({
  code: 'CI0113',
  name: 'InvalidMatchPort',
  severity: Severity.ERROR,
  counterpart: 'webhook',
  catches: 'a match port is outside 1-65535',
  scope: 'object',
  kinds: VIRTUAL_SERVICE_KINDS,
  evaluate({ object, report }) {
    eachAnyMatch(vsContext(object.manifest).spec, (m, at) => {
      const port = m.port;
      if (typeof port !== 'number' || !Number.isInteger(port) || port === 0 || (port >= 1 && port <= 65535)) return;
      report({
        field: `${at}.port`, value: port, message: `match port ${formatValue(port)} is not in 1-65535`,
        fix: `give ${at}.port the port the request is addressed to (1-65535), or leave it out to match any port`,
      });
    });
  },
});
