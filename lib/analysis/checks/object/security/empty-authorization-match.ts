import { defineCheck } from '../../../check';
import { Severity } from '../../../finding';
import { asArray, asRecord, isRecord } from '../../../manifest/read';
import { OPERATION_FIELDS, SOURCE_FIELDS, setLists } from './private/authorization';
import { AUTHORIZATION_POLICY } from './private/kinds';

/**
 * CI0703: an AuthorizationPolicy rule, source or operation that matches on nothing, as Istio's
 * webhook rejects it: a `null` rule, a `from` entry without `source` or a `to` entry without
 * `operation`, and a source or operation without any non-empty field ("`from.source` must not be
 * empty"). An empty `from: []` or `to: []` is a warning: Istio decodes it as no `from`/`to` at all,
 * so the rule then matches any source or operation, which is rarely what an empty list meant
 * (stricter than Istio).
 *
 * @see https://istio.io/latest/docs/reference/config/security/authorization-policy/#Rule
 */
export const EmptyAuthorizationMatch = defineCheck({
  code: 'CI0703',
  name: 'EmptyAuthorizationMatch',
  severity: Severity.ERROR,
  counterpart: 'webhook',
  catches: 'an AuthorizationPolicy rule that is null, or a from/to entry without source/operation or with an empty one; an empty from or to list (a warning)',
  scope: 'object',
  kinds: [AUTHORIZATION_POLICY],
  evaluate({ object, report }) {
    const spec = asRecord(object.manifest.spec);
    asArray(spec.rules).forEach((rule, i) => {
      const ruleField = `spec.rules[${i}]`;
      if (rule === null) {
        report({ field: ruleField, value: rule, message: 'a rule must not be null', fix: 'remove the null entry, or write an empty rule {} to match every request' });
        return;
      }
      if (!isRecord(rule)) return;
      checkList(rule, ruleField, 'from', 'source', SOURCE_FIELDS, report);
      checkList(rule, ruleField, 'to', 'operation', OPERATION_FIELDS, report);
    });
  },
});

function checkList(rule: Record<string, any>, ruleField: string, list: 'from' | 'to', entry: 'source' | 'operation', fields: readonly string[],
  report: (r: { field: string; value?: unknown; message: string; fix: string; severity?: Severity }) => void): void {
  const any = entry === 'source' ? 'any source' : 'any operation';
  if (Array.isArray(rule[list]) && rule[list].length === 0) {
    report({
      field: `${ruleField}.${list}`, value: [], severity: Severity.WARNING,
      message: `${list} is an empty list, which Istio reads as no ${list} at all: the rule matches ${any} (stricter than Istio, which accepts it)`,
      fix: `list the ${entry}s to match under ${list}, or remove ${list} to match ${any} on purpose`,
    });
  }
  asArray(rule[list]).forEach((item, j) => {
    const field = `${ruleField}.${list}[${j}]`;
    if (item === null || (isRecord(item) && (item[entry] === undefined || item[entry] === null))) {
      report({
        field, value: item, message: `a ${list} entry must have a ${entry}`,
        fix: `write the entry as { ${entry}: { ... } } with at least one field, or remove it`,
      });
      return;
    }
    if (!isRecord(item) || !isRecord(item[entry])) return;
    if (setLists(item[entry], fields).length === 0) {
      report({
        field: `${field}.${entry}`, value: item[entry],
        message: `${list}[${j}].${entry} sets no field (or only empty lists); Istio rejects an empty ${entry}`,
        fix: entry === 'source'
          ? `set at least one of ${fields.slice(0, 6).join(', ')}, ..., or remove the from entry to match any source`
          : `set at least one of ${fields.join(', ')}, or remove the to entry to match any operation`,
      });
    }
  });
}
