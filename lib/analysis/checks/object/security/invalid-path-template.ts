import { defineCheck } from '../../../check';
import { Severity } from '../../../finding';
import { asRecord } from '../../../manifest/read';
import { eachOperation, eachRule, eachString } from './private/authorization';
import { AUTHORIZATION_POLICY } from './private/kinds';
import { pathTemplateProblem } from './private/values';

/**
 * CI0709: an AuthorizationPolicy operation `paths` or `notPaths` entry that Istio's webhook
 * rejects as an invalid or unsupported path template (`CheckValidPathTemplate`): `{**}` not as the
 * last operator, `{` or `}` beyond the templates `{*}` (one segment) and `{**}` (the rest), or a
 * template whose other segments are not literals of URL path characters.
 *
 * @see https://istio.io/latest/docs/reference/config/security/authorization-policy/#Operation
 */
export const InvalidPathTemplate = defineCheck({
  code: 'CI0709',
  name: 'InvalidPathTemplate',
  severity: Severity.ERROR,
  counterpart: 'webhook',
  catches: 'an AuthorizationPolicy path with an invalid or unsupported template ({**} not last, other braces, non-literal segments)',
  scope: 'object',
  kinds: [AUTHORIZATION_POLICY],
  evaluate({ object, report }) {
    eachRule(asRecord(object.manifest.spec), (rule, ruleField) => {
      eachOperation(rule, ruleField, (operation, operationField) => {
        for (const name of ['paths', 'notPaths']) {
          eachString(operation, name, operationField, (value, field) => {
            const problem = value === '' ? undefined : pathTemplateProblem(value);
            if (problem) {
              report({
                field, value, message: `path '${value}' ${problem}`,
                fix: 'use an exact path, a prefix \'/api/*\', a suffix \'*.js\', or a template of literal segments with {*} for one segment and a final {**} for the rest (\'/api/{*}/items/{**}\')',
              });
            }
          });
        }
      });
    });
  },
});
