import { defineCheck } from '../../../check';
import { Severity } from '../../../finding';
import { asRecord } from '../../../manifest/read';
import { actionOf } from './private/authorization';
import { AUTHORIZATION_POLICY, PEER_AUTHENTICATION, REQUEST_AUTHENTICATION } from './private/kinds';

const DRY_RUN = 'istio.io/dry-run';
// the strings Go's strconv.ParseBool accepts
const GO_BOOLS = new Set(['1', 't', 'T', 'TRUE', 'true', 'True', '0', 'f', 'F', 'FALSE', 'false', 'False']);

/**
 * CI0715: the `istio.io/dry-run` annotation where Istio's webhook rejects it: on a kind other
 * than AuthorizationPolicy, on an AuthorizationPolicy whose action is not ALLOW or DENY, or with
 * a value that is not a boolean (Go's `strconv.ParseBool`: `true`, `false`, `1`, `0`, `t`, `f`, ...).
 *
 * @see https://istio.io/latest/docs/reference/config/annotations/#IoIstioDryRun
 */
export const InvalidDryRunAnnotation = defineCheck({
  code: 'CI0715',
  name: 'InvalidDryRunAnnotation',
  severity: Severity.ERROR,
  counterpart: 'webhook',
  catches: 'the istio.io/dry-run annotation on a PeerAuthentication or RequestAuthentication, on a CUSTOM or AUDIT AuthorizationPolicy, or with a non-boolean value',
  scope: 'object',
  kinds: [AUTHORIZATION_POLICY, PEER_AUTHENTICATION, REQUEST_AUTHENTICATION],
  evaluate({ object, report }) {
    const annotations = asRecord(asRecord(object.manifest.metadata).annotations);
    if (!(DRY_RUN in annotations)) return;
    const value = annotations[DRY_RUN];
    const field = `metadata.annotations['${DRY_RUN}']`;
    if (object.kind !== 'AuthorizationPolicy') {
      report({
        field, value, message: `the ${DRY_RUN} annotation is only supported on AuthorizationPolicy, not on ${object.kind}`,
        fix: `remove the ${DRY_RUN} annotation`,
      });
      return;
    }
    const action = actionOf(asRecord(object.manifest.spec));
    if (action !== 'ALLOW' && action !== 'DENY') {
      report({
        field, value, message: `the ${DRY_RUN} annotation only supports action ALLOW or DENY, got ${action}`,
        fix: `remove the ${DRY_RUN} annotation from this ${action} policy`,
      });
    } else if (typeof value !== 'string' || !GO_BOOLS.has(value)) {
      report({
        field, value, message: `the ${DRY_RUN} annotation must be a boolean, got ${JSON.stringify(value)}`,
        fix: `set metadata.annotations['${DRY_RUN}'] to "true" (or "false")`,
      });
    }
  },
});
