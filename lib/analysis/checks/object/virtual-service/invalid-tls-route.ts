import { defineCheck } from '../../../check';
import { Severity } from '../../../finding';
import { asArray, eachItem, isRecord } from '../../../manifest/read';
import { VIRTUAL_SERVICE_KINDS, vsContext } from './private/walk';

/**
 * CI0129: a TLS route that Istio's webhook rejects: no match (TLS routes select connections by SNI),
 * a null match, a match without `sniHosts`, or no destination in `route`. SNI names themselves are
 * CI0130's.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/virtual-service/#TLSRoute
 */
export const InvalidTlsRoute = defineCheck({
  code: 'CI0129',
  name: 'InvalidTlsRoute',
  severity: Severity.ERROR,
  counterpart: 'webhook',
  catches: 'a TLS route has no match, a match without sniHosts, or no destination',
  scope: 'object',
  kinds: VIRTUAL_SERVICE_KINDS,
  evaluate({ object, report }) {
    eachItem(vsContext(object.manifest).spec.tls, 'spec.tls', (route, at) => {
      if (!isRecord(route)) return;
      if (asArray(route.match).length === 0) {
        report({ field: `${at}.match`, message: 'the TLS route has no match; TLS routes need at least one match with sniHosts', fix: `add ${at}.match: [{ sniHosts: [app.example.com] }]` });
      }
      eachItem(route.match, `${at}.match`, (m, field) => {
        if (m === null) {
          report({ field, value: null, message: 'the TLS match is null', fix: `remove ${field}, or give it sniHosts` });
        } else if (isRecord(m) && asArray(m.sniHosts).length === 0) {
          report({ field: `${field}.sniHosts`, message: 'the TLS match has no sniHosts', fix: `list the SNI names to match in ${field}.sniHosts, e.g. [app.example.com]` });
        }
      });
      if (asArray(route.route).length === 0 && (route.route === undefined || route.route === null || Array.isArray(route.route))) {
        report({ field: `${at}.route`, message: 'the TLS route has no destination', fix: `add ${at}.route: [{ destination: { host: app, port: { number: 443 } } }]` });
      }
    });
  },
});
