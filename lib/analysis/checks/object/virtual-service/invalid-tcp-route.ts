import { defineCheck } from '../../../check';
import { Severity } from '../../../finding';
import { asArray, eachItem, isRecord } from '../../../manifest/read';
import { VIRTUAL_SERVICE_KINDS, vsContext } from './private/walk';

/**
 * CI0128: a TCP route that Istio's webhook rejects: a null match, or no destination in `route`.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/virtual-service/#TCPRoute
 */
export const InvalidTcpRoute = defineCheck({
  code: 'CI0128',
  name: 'InvalidTcpRoute',
  severity: Severity.ERROR,
  counterpart: 'webhook',
  catches: 'a TCP route has a null match or no destination',
  scope: 'object',
  kinds: VIRTUAL_SERVICE_KINDS,
  evaluate({ object, report }) {
    eachItem(vsContext(object.manifest).spec.tcp, 'spec.tcp', (route, at) => {
      if (!isRecord(route)) return;
      eachItem(route.match, `${at}.match`, (m, field) => {
        if (m === null) report({ field, value: null, message: 'the TCP match is null', fix: `remove ${field}, or give it conditions such as { port: 27017 }` });
      });
      if (asArray(route.route).length === 0 && (route.route === undefined || route.route === null || Array.isArray(route.route))) {
        report({ field: `${at}.route`, message: 'the TCP route has no destination', fix: `add ${at}.route: [{ destination: { host: mongo, port: { number: 27017 } } }]` });
      }
    });
  },
});
