import { defineCheck } from '../../../check';
import { Severity } from '../../../finding';
import { asArray, asRecord, isRecord } from '../../../manifest/read';
import { TARGET_KINDS, TARGET_LAYOUTS } from './private/selectors';

const ALLOWED = TARGET_KINDS.map((t) => `${t.kind} (${t.group === 'core' ? 'group ""' : t.group})`).join(', ');

/**
 * CI0025: a policy's `targetRef` or `targetRefs` that Istio rejects, in every kind that has them
 * (AuthorizationPolicy, RequestAuthentication, Telemetry, WasmPlugin, TrafficExtension,
 * EnvoyFilter): more than one of the selector, `targetRef` and `targetRefs` (the CRD rule "only
 * one of targetRefs or selector can be set", and `validateOneOfSelectorType`), a reference without
 * `name` or `kind`, with a `namespace` (cross-namespace references are not supported), or to
 * another resource than a Service, ServiceEntry, Gateway or GatewayClass
 * (`validatePolicyTargetReference`). Istio's webhook does not check the targets of an EnvoyFilter,
 * whose documentation lists the same four: there another target is a warning.
 *
 * @see https://istio.io/latest/docs/reference/config/type/workload-selector/#PolicyTargetReference
 */
export const InvalidTargetRef = defineCheck({
  code: 'CI0025',
  name: 'InvalidTargetRef',
  severity: Severity.ERROR,
  counterpart: 'webhook / CRD rule',
  catches: 'a selector together with targetRef(s), or a target reference without name or kind, with a namespace, or to a kind other than Service, ServiceEntry, Gateway or GatewayClass',
  scope: 'object',
  kinds: [...TARGET_LAYOUTS.keys()],
  evaluate({ object, report }) {
    const layout = TARGET_LAYOUTS.get(object.groupKind);
    if (!layout) return;
    const spec = asRecord(object.manifest.spec);
    const present = [layout.selector, ...(layout.single ? ['targetRef'] : []), 'targetRefs'].filter((f) => spec[f] !== undefined && spec[f] !== null);
    if (present.length > 1) {
      report({
        field: 'spec', value: present,
        message: `${present.join(' and ')} are ${present.length === 2 ? 'both' : 'all'} set; only one of ${layout.selector}, ${layout.single ? 'targetRef or ' : ''}targetRefs can be set`,
        fix: `keep either ${layout.selector} (workloads by label) or targetRefs (Services, ServiceEntries or Gateways), and put the other in a second ${object.kind}`,
      });
    }
    const refs: Array<[unknown, string]> = [];
    if (layout.single && spec.targetRef !== undefined) refs.push([spec.targetRef, 'spec.targetRef']);
    asArray(spec.targetRefs).forEach((ref, i) => refs.push([ref, `spec.targetRefs[${i}]`]));
    for (const [ref, field] of refs) {
      if (isRecord(ref)) checkRef(ref, field, layout.webhook, report);
    }
  },
});

function checkRef(ref: Record<string, any>, field: string, webhook: boolean,
  report: (r: { field: string; value?: unknown; message: string; fix: string; severity?: Severity }) => void): void {
  if (ref.name === undefined || ref.name === null || ref.name === '') {
    report({ field: `${field}.name`, value: ref.name, message: 'a target reference needs the name of its target', fix: `set ${field}.name to the name of the Service, ServiceEntry, Gateway or GatewayClass` });
  }
  if (typeof ref.namespace === 'string' && ref.namespace !== '') {
    report({
      field: `${field}.namespace`, value: ref.namespace,
      message: `target reference to namespace '${ref.namespace}': cross-namespace references are not supported`,
      fix: `remove ${field}.namespace and create the policy in the target's namespace`,
    });
  }
  if (ref.kind === undefined || ref.kind === null || ref.kind === '') {
    report({ field: `${field}.kind`, value: ref.kind, message: 'a target reference needs a kind', fix: `set ${field}.kind to one of ${ALLOWED}` });
    return;
  }
  if (typeof ref.kind !== 'string' || (ref.group !== undefined && typeof ref.group !== 'string')) return;
  const group = ref.group === undefined || ref.group === '' ? 'core' : ref.group;
  if (TARGET_KINDS.some((t) => t.kind === ref.kind && t.group === group)) return;
  const kindKnown = TARGET_KINDS.filter((t) => t.kind === ref.kind);
  const severity = webhook ? Severity.ERROR : Severity.WARNING;
  const note = webhook ? '' : ' (stricter than Istio, whose webhook does not check EnvoyFilter targets; its documentation lists these)';
  if (kindKnown.length > 0) {
    const want = kindKnown.map((t) => (t.group === 'core' ? '"" (or core)' : t.group)).join(' or ');
    report({
      field: `${field}.group`, value: ref.group, severity,
      message: `target ${ref.kind} must be in group ${want}, got '${ref.group}'${note}`,
      fix: `set ${field}.group to ${want}`,
    });
  } else {
    report({
      field: `${field}.kind`, value: ref.kind, severity,
      message: `a target reference must be to ${ALLOWED}, got kind '${ref.kind}'${ref.group ? ` in group '${ref.group}'` : ''}${note}`,
      fix: `point ${field} at a Service, ServiceEntry, Gateway or GatewayClass, or select workloads by label instead`,
    });
  }
}
