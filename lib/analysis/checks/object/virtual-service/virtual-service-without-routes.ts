import { defineCheck } from '../../../check';
import { Severity } from '../../../finding';
import { asArray } from '../../../manifest/read';
import { VIRTUAL_SERVICE_KINDS, vsContext } from './private/walk';

/**
 * CI0103: a VirtualService without any route: `spec.http`, `spec.tcp` and `spec.tls` are all empty
 * or missing, which Istio's webhook rejects ("http, tcp or tls must be provided in virtual service").
 *
 * @see https://istio.io/latest/docs/reference/config/networking/virtual-service/#VirtualService
 */
export const VirtualServiceWithoutRoutes = defineCheck({
  code: 'CI0103',
  name: 'VirtualServiceWithoutRoutes',
  severity: Severity.ERROR,
  counterpart: 'webhook',
  catches: 'a VirtualService has no http, tcp or tls route',
  scope: 'object',
  kinds: VIRTUAL_SERVICE_KINDS,
  evaluate({ object, report }) {
    const { spec } = vsContext(object.manifest);
    if (asArray(spec.http).length + asArray(spec.tcp).length + asArray(spec.tls).length > 0) return;
    report({
      field: 'spec.http', message: 'the VirtualService has no routes: spec.http, spec.tcp and spec.tls are all empty',
      fix: 'add at least one route to spec.http (or spec.tcp, spec.tls), e.g. route: [{ destination: { host: reviews } }]',
    });
  },
});
