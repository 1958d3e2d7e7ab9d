import { defineCheck } from '../../../check';
import { formatValue, Severity } from '../../../finding';
import { isRecord, keyField } from '../../../manifest/read';
import { isIstioDnsLabel } from '../../../values/istio-names';
import { labelProblems } from './private/names';
import { eachAnyMatch, VIRTUAL_SERVICE_KINDS, vsContext } from './private/walk';

/**
 * CI0114: a source condition of a match that Istio's webhook rejects: a `sourceLabels` key or value
 * that is not Kubernetes label syntax, or an HTTP match's `sourceNamespace` that is not a DNS-1123
 * label. Istio does not check `sourceNamespace` of TCP and TLS matches; an invalid one there can
 * never match, which is reported as a warning.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/virtual-service/#HTTPMatchRequest
 */
export const InvalidMatchSource = defineCheck({
  code: 'CI0114',
  name: 'InvalidMatchSource',
  severity: Severity.ERROR,
  counterpart: 'webhook',
  catches: 'a match sourceLabels entry is not label syntax, or its sourceNamespace is not a namespace name',
  scope: 'object',
  kinds: VIRTUAL_SERVICE_KINDS,
  evaluate({ object, report }) {
    eachAnyMatch(vsContext(object.manifest).spec, (m, at, kind) => {
      if (isRecord(m.sourceLabels)) {
        for (const p of labelProblems(m.sourceLabels)) {
          const value = p.on === 'key' ? p.key : m.sourceLabels[p.key];
          report({
            field: keyField(`${at}.sourceLabels`, p.key), value,
            message: `source label ${p.on} ${formatValue(value)} ${p.problem}`,
            fix: 'use the pod labels of the calling workload, e.g. sourceLabels: { app: reviews, version: v2 }',
          });
        }
      }
      const ns = m.sourceNamespace;
      if (typeof ns !== 'string' || ns === '' || isIstioDnsLabel(ns)) return;
      report({
        field: `${at}.sourceNamespace`, value: ns,
        severity: kind === 'http' ? Severity.ERROR : Severity.WARNING,
        message: `sourceNamespace ${formatValue(ns)} is not a namespace name (a DNS-1123 label)${kind === 'http' ? '' : ', so it never matches (stricter than Istio, which does not check it in TCP and TLS matches)'}`,
        fix: 'give the namespace of the calling workloads, e.g. sourceNamespace: shop',
      });
    });
  },
});
