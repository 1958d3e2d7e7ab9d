import { ProblemCollector } from '../../analysis/finding';

/**
 * A list option as the imported (L1) classes can render it: a copy without `null` or `undefined`
 * entries, or `undefined` when the value is not a list at all. A plain-JavaScript caller (or a
 * cast) may pass anything; the L1 classes map lists entry by entry and would throw on these.
 */
export function renderableList<T>(value: readonly T[] | undefined): T[] | undefined {
  if (!Array.isArray(value)) return undefined;
  return value.filter((x) => x !== null && x !== undefined);
}

/**
 * Records a CI0019 problem at `field` when `value` is set but is not a list, or holds `null` or
 * `undefined` entries: what {@link renderableList} leaves out of the manifest.
 */
export function listProblem(problems: ProblemCollector, field: string, value: unknown, option: string): void {
  if (value === undefined) return;
  if (!Array.isArray(value)) {
    problems.add('CI0019', field, value, `${option} must be a list, got ${value === null ? 'null' : typeof value}; it is left out of the manifest`,
      `pass ${option} as a list (an array)`);
  } else if (value.some((x) => x === null || x === undefined)) {
    problems.add('CI0019', field, undefined, `${option} has null or undefined entries; they are left out of the manifest`, `remove the empty entries from ${option}`);
  }
}
