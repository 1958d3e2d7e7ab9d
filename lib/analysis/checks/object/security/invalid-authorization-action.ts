import { defineCheck } from '../../../check';
import { Severity } from '../../../finding';
import { asRecord, isRecord } from '../../../manifest/read';
import { actionOf, hasItems, isSet } from './private/authorization';
import { AUTHORIZATION_POLICY } from './private/kinds';

/**
 * CI0701: an AuthorizationPolicy whose action does not fit its provider and rules, as Istio's
 * webhook (`ValidateAuthorizationPolicy`) rejects it: action `CUSTOM` without rules (it would
 * never trigger) or without `provider.name`, a `provider` with an action other than `CUSTOM`,
 * and action `DENY` without rules. An empty `rules: []` counts as no rules (Istio decodes
 * manifests with protobuf JSON, where an empty list is no list).
 *
 * @see https://istio.io/latest/docs/reference/config/security/authorization-policy/#AuthorizationPolicy-Action
 */
export const InvalidAuthorizationAction = defineCheck({
  code: 'CI0701',
  name: 'InvalidAuthorizationAction',
  severity: Severity.ERROR,
  counterpart: 'webhook',
  catches: 'an AuthorizationPolicy with action CUSTOM without rules or provider.name, a provider without action CUSTOM, or action DENY without rules',
  scope: 'object',
  kinds: [AUTHORIZATION_POLICY],
  evaluate({ object, report }) {
    const spec = asRecord(object.manifest.spec);
    const action = actionOf(spec);
    const hasRules = hasItems(spec.rules);
    if (action === 'CUSTOM') {
      if (!hasRules) {
        report({
          field: 'spec.rules', value: spec.rules,
          message: 'action CUSTOM without rules never sends a request to the provider; Istio rejects it',
          fix: 'add the rules that select the requests for the provider under spec.rules, or one empty rule {} to send every request to it',
        });
      }
      const name = isRecord(spec.provider) ? spec.provider.name : undefined;
      if (typeof name !== 'string' || name === '') {
        report({
          field: 'spec.provider.name', value: name,
          message: 'action CUSTOM needs provider.name, the extension provider that decides on the requests',
          fix: 'set spec.provider.name to an extension provider of meshConfig.extensionProviders (for a construct: provider)',
        });
      }
    } else if (isSet(spec.provider)) {
      report({
        field: 'spec.provider', value: spec.provider,
        message: `provider is only allowed with action CUSTOM, got ${spec.action === undefined ? 'no action (ALLOW)' : `action ${action}`}`,
        fix: 'remove spec.provider, or set spec.action to CUSTOM to delegate the decision to the provider',
      });
    }
    if (action === 'DENY' && !hasRules) {
      report({
        field: 'spec.rules', value: spec.rules,
        message: 'action DENY without rules never denies anything; Istio rejects it',
        fix: 'add the rules of the requests to deny under spec.rules, or one empty rule {} to deny every request',
      });
    }
  },
});
