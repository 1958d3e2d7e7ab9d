import { Check } from './check';
import { ISTIOCTL_NOT_CHECKED, KIALI_NOT_CHECKED, NotChecked } from './not-checked';
import { ALL_CHECKS } from './registry';

/** The marker lines the README's generated check table sits between. */
export const CHECK_TABLE_BEGIN = '<!-- checks:begin (generated from lib/analysis/registry.ts by `npm run docs`; do not edit) -->';
/** The end marker of the README's generated check table. */
export const CHECK_TABLE_END = '<!-- checks:end -->';

/**
 * The check table as Markdown: one row per check of the registry, in code order, with its code,
 * name, severity, scope, what it catches and its Istio or Kiali counterpart.
 *
 * @example
 * fs.writeFileSync('checks.md', checkTable());
 * @see https://istio.io/latest/docs/reference/config/analysis/
 */
export function checkTable(checks: readonly Check[] = ALL_CHECKS): string {
  const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const rows = checks.map((c) => `| \`${c.code}\` | ${c.name} | ${c.severity} | ${c.scope} | ${cell(c.catches)} | ${cell(c.counterpart)} |`);
  return ['| code | name | severity | scope | catches | counterpart |', '| --- | --- | --- | --- | --- | --- |', ...rows].join('\n');
}

/**
 * `markdown` with the text between the check-table markers replaced by a fresh table; throws
 * when the markers are missing.
 *
 * @see https://istio.io/latest/docs/reference/config/analysis/
 */
export function withCheckTable(markdown: string, checks: readonly Check[] = ALL_CHECKS): string {
  const begin = markdown.indexOf(CHECK_TABLE_BEGIN);
  const end = markdown.indexOf(CHECK_TABLE_END);
  if (begin < 0 || end < begin) throw new Error('the check-table markers are missing');
  return `${markdown.slice(0, begin + CHECK_TABLE_BEGIN.length)}\n${checkTable(checks)}\n${markdown.slice(end)}`;
}

/** The marker lines the README's generated "What is not checked" tables sit between. */
export const COVERAGE_BEGIN = '<!-- coverage:begin (generated from lib/analysis/registry.ts and lib/analysis/not-checked.ts by `npm run docs`; do not edit) -->';
/** The end marker of the README's generated coverage tables. */
export const COVERAGE_END = '<!-- coverage:end -->';

/**
 * The istioctl messages or Kiali validations the checks mirror, from each check's `counterpart`:
 * `IST0101` -> the codes of the checks that name it, with the name the counterparts give it.
 *
 * @see https://istio.io/latest/docs/reference/config/analysis/
 */
export function mirrored(tool: 'istioctl' | 'Kiali', checks: readonly Check[] = ALL_CHECKS): ReadonlyMap<string, { readonly name?: string; readonly codes: readonly string[] }> {
  const pattern = tool === 'istioctl' ? /\b(IST\d{4})(?: ([A-Z][A-Za-z]+))?/g : /\b(KIA\d{4})\b/g;
  const found = new Map<string, { name?: string; codes: string[] }>();
  for (const check of checks) {
    for (const m of check.counterpart.matchAll(pattern)) {
      const entry = found.get(m[1]) ?? { codes: [] };
      entry.name ??= m[2];
      if (!entry.codes.includes(check.code)) entry.codes.push(check.code);
      found.set(m[1], entry);
    }
  }
  if (tool === 'istioctl') {
    // istioctl runs Istio's webhook validation as its own analyzer: its errors are IST0106, its warnings IST0133
    const webhook = checks.filter((c) => c.scope === 'object' && /\bwebhook\b/.test(c.counterpart));
    found.set('IST0106', { name: 'SchemaValidationError', codes: webhook.filter((c) => c.severity === 'error').map((c) => c.code) });
    found.set('IST0133', { name: 'SchemaWarning', codes: webhook.filter((c) => c.severity === 'warning').map((c) => c.code) });
  }
  return new Map([...found].sort(([a], [b]) => (a < b ? -1 : 1)));
}

/**
 * The README's coverage section as Markdown: for istioctl and for Kiali, what the checks mirror
 * (generated from the checks' counterparts) and what they do not, with the reason.
 *
 * @see https://istio.io/latest/docs/reference/config/analysis/
 * @see https://kiali.io/docs/features/validations/
 */
export function coverageTables(checks: readonly Check[] = ALL_CHECKS): string {
  const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const part = (tool: 'istioctl' | 'Kiali', title: string, notChecked: readonly NotChecked[]) => {
    const covered = mirrored(tool, checks);
    const lines = [
      `**${title}: ${covered.size} mirrored, ${notChecked.length} not checked.**`, '',
      '| mirrored | by |', '| --- | --- |',
      ...[...covered].map(([code, e]) => `| \`${code}\`${e.name ? ` ${e.name}` : ''} | ${codeList(code, e.codes)} |`),
      '',
      '| not checked | why |', '| --- | --- |',
      ...notChecked.map((n) => `| \`${n.code}\` ${cell(n.name)} | ${cell(n.reason)} |`),
    ];
    return lines.join('\n');
  };
  return [
    part('istioctl', '`istioctl analyze` (Istio 1.30.3)', ISTIOCTL_NOT_CHECKED),
    '',
    part('Kiali', 'Kiali\'s validations', KIALI_NOT_CHECKED),
  ].join('\n');
}

function codeList(counterpart: string, codes: readonly string[]): string {
  if (codes.length <= 8) return codes.map((c) => `\`${c}\``).join(', ');
  const what = counterpart === 'IST0106' ? 'errors' : 'warnings';
  return `the ${codes.length} object checks whose counterpart is Istio's webhook and that report ${what} (\`${codes[0]}\` to \`${codes[codes.length - 1]}\`)`;
}

/**
 * `markdown` with every generated section replaced: the check table and the coverage tables;
 * throws when a section's markers are missing.
 *
 * @see https://istio.io/latest/docs/reference/config/analysis/
 */
export function withGeneratedSections(markdown: string, checks: readonly Check[] = ALL_CHECKS): string {
  const begin = markdown.indexOf(COVERAGE_BEGIN);
  const end = markdown.indexOf(COVERAGE_END);
  if (begin < 0 || end < begin) throw new Error('the coverage markers are missing');
  const withCoverage = `${markdown.slice(0, begin + COVERAGE_BEGIN.length)}\n${coverageTables(checks)}\n${markdown.slice(end)}`;
  return withCheckTable(withCoverage, checks);
}
