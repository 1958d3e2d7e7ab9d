import { Check } from './check';
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
