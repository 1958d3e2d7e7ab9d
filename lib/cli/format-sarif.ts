import type * as sarif from 'sarif';
import { Finding, Severity, sortFindings, SuppressedFinding } from '../analysis/finding';
import { ALL_CHECKS } from '../analysis/registry';
import { CheckOutcome } from './outcome';
import { packageInfo } from './package-info';

/**
 * The SARIF 2.1.0 log of a check, for code-scanning views (GitHub code scanning, Azure DevOps,
 * VS Code's SARIF viewer): one run whose driver lists every check of the registry as a rule, one
 * result per finding with its file and line, and suppressed findings as results with an
 * `inSource` suppression whose justification is the annotation's reason.
 *
 * @example
 * fs.writeFileSync('cdk8s-istio.sarif', JSON.stringify(toSarif(outcome)));
 * @see https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html
 */
export function toSarif(outcome: CheckOutcome): sarif.Log {
  const pkg = packageInfo();
  const helpUri = pkg.readmeUri ? `${pkg.readmeUri.replace(/#.*$/, '')}#checks` : undefined;
  const rules: sarif.ReportingDescriptor[] = ALL_CHECKS.map((c) => ({
    id: c.code,
    name: c.name,
    shortDescription: { text: c.catches },
    defaultConfiguration: { level: level(c.severity) },
    ...(helpUri ? { helpUri } : {}),
    properties: { counterpart: c.counterpart, scope: c.scope },
  }));
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const result = (f: Finding): sarif.Result => ({
    ruleId: f.code,
    ...(ruleIndex.has(f.code) ? { ruleIndex: ruleIndex.get(f.code) } : {}),
    level: level(f.severity),
    message: { text: `${f.message}; fix: ${f.fix}` },
    ...(f.location ? {
      locations: [{
        physicalLocation: {
          artifactLocation: { uri: fileUri(f.location.file) },
          region: { startLine: f.location.line, ...(f.location.column ? { startColumn: f.location.column } : {}) },
        },
      }],
    } : {}),
    properties: { object: f.path, field: f.field, ...(f.value === undefined ? {} : { value: f.value }), ...(f.counterpart ? { counterpart: f.counterpart } : {}) },
  });
  const { errors, warnings, suppressed } = outcome.report;
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: pkg.name, version: pkg.version, ...(pkg.readmeUri ? { informationUri: pkg.readmeUri } : {}), rules } },
      results: [
        ...sortFindings([...errors, ...warnings]).map(result),
        ...suppressed.map((f: SuppressedFinding) => ({ ...result(f), suppressions: [{ kind: 'inSource' as const, status: 'accepted' as const, justification: f.reason }] })),
      ],
    }],
  };
}

/**
 * The SARIF log as text (see {@link toSarif}), with a final newline.
 *
 * @see https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html
 */
export function formatSarif(outcome: CheckOutcome): string {
  return `${JSON.stringify(toSarif(outcome), null, 2)}\n`;
}

function level(severity: Severity): sarif.ReportingConfiguration.level {
  return severity === Severity.ERROR ? 'error' : 'warning';
}

/** A path as given (relative stays relative), with forward slashes, as a URI reference. */
function fileUri(file: string): string {
  return encodeURI(file.replace(/\\/g, '/'));
}
