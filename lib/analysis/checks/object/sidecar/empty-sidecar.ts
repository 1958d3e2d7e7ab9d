import { defineCheck } from '../../../check';
import { Severity } from '../../../finding';
import { asArray, asRecord, eachItem, isRecord } from '../../../manifest/read';
import { SIDECAR_KINDS } from './private/listeners';

/**
 * CI0501: a Sidecar that configures nothing (no egress, ingress, outboundTrafficPolicy or
 * inboundConnectionPool), or with a null ingress or egress listener. Istio's webhook rejects both.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/sidecar/#Sidecar
 */
export const EmptySidecar = defineCheck({
  code: 'CI0501',
  name: 'EmptySidecar',
  severity: Severity.ERROR,
  counterpart: 'webhook',
  catches: 'a Sidecar without egress, ingress, outboundTrafficPolicy and inboundConnectionPool, or with a null listener',
  scope: 'object',
  kinds: SIDECAR_KINDS,
  evaluate({ object, report }) {
    const spec = asRecord(object.manifest.spec);
    const unset = (v: unknown) => v === undefined || v === null;
    if (asArray(spec.egress).length === 0 && asArray(spec.ingress).length === 0 && unset(spec.outboundTrafficPolicy) && unset(spec.inboundConnectionPool)) {
      report({
        field: 'spec', value: object.manifest.spec,
        message: 'sidecar configures nothing: it has no egress, ingress, outboundTrafficPolicy or inboundConnectionPool, and Istio rejects an empty Sidecar',
        fix: 'add spec.egress hosts such as [\'./*\', \'istio-system/*\'] (in code: addEgressHost), or another of those fields',
      });
    }
    for (const list of ['ingress', 'egress']) {
      eachItem(spec[list], `spec.${list}`, (listener, at) => {
        if (!isRecord(listener)) report({ field: at, value: listener, message: `${list} listener is ${listener === null || listener === undefined ? 'null' : 'not an object'}`, fix: 'remove the entry, or give it its fields' });
      });
    }
  },
});
