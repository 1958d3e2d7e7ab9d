import { formatValue, ProblemCollector } from '../../analysis/finding';
import { dns1123LabelProblem } from '../../analysis/values/validate';

/**
 * Checks an `exportTo` list as Istio's webhook does for VirtualServices, DestinationRules and
 * ServiceEntries: each entry is `.` (the resource's own namespace), `*` (all), a namespace name,
 * or, where `allowNone`, `~` (none); no entry twice (`.` counts as the own namespace); and `*` or
 * `~` only alone. Problems are recorded relative to `spec`.
 */
export function validateExportTo(spec: ProblemCollector, exportTo: readonly string[], namespace: string | undefined, options: { allowNone?: boolean } = {}): void {
  const own = namespace ?? 'default';
  const allowed = options.allowNone ? '\'.\', \'*\', \'~\' or a namespace name' : '\'.\', \'*\' or a namespace name';
  const seen = new Set<string>();
  exportTo.forEach((entry, i) => {
    const field = `exportTo[${i}]`;
    const special = entry === '.' || entry === '*' || (options.allowNone && entry === '~');
    if (!special && dns1123LabelProblem(entry)) {
      spec.add('CI0017', field, entry, `exportTo entry ${formatValue(entry)} is not ${allowed}`, `use ${allowed}`);
      return;
    }
    const key = entry === '.' ? own : entry;
    if (seen.has(key)) {
      spec.add('CI0012', field, entry, `exportTo lists ${formatValue(key)} twice ('.' is the own namespace ${formatValue(own)})`, 'list every namespace once');
    }
    seen.add(key);
  });
  for (const alone of ['*', '~']) {
    if (exportTo.length > 1 && exportTo.includes(alone)) {
      const meaning = alone === '*' ? 'exports to every namespace' : 'exports to no namespace';
      spec.add('CI0017', 'exportTo', [...exportTo], `'${alone}' ${meaning} and cannot be combined with other entries`, `use ['${alone}'] alone, or list the namespaces`);
    }
  }
}
