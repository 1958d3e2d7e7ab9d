import * as fs from 'fs';
import * as path from 'path';
import { ApiObject, App, Chart, Names, Yaml, YamlOutputType } from 'cdk8s';
import { IConstruct } from 'constructs';
import { profiled } from '../../analysis/private/profile';
import { RenderedChart } from '../../analysis/sources/construct-tree';

/**
 * What cdk8s's `App.synth()` does before it renders (its `resolveDependencies`), once: each
 * nested chart becomes a dependency of its parent, a dependency between constructs of two charts
 * becomes one between the charts, and every construct dependency becomes one between their API
 * objects. Returns whether any chart depends on another (then cdk8s numbers the files).
 * Dependencies are sets, so doing it again (App.synth does) changes nothing.
 */
export function resolveDependencies(app: App): boolean {
  const all = app.node.findAll();
  const below = new Map<IConstruct, IConstruct[]>();
  const findAll = (c: IConstruct) => {
    let found = below.get(c);
    if (!found) below.set(c, found = c.node.findAll());
    return found;
  };
  below.set(app, all);
  const chartOf = new Map<IConstruct, Chart>();
  const ownChart = (c: IConstruct): Chart => {
    let chart = chartOf.get(c);
    if (!chart) chartOf.set(c, chart = Chart.of(c));
    return chart;
  };
  const dependencies = () => all.flatMap((source) => source.node.dependencies.map((target) => ({ source, target })));

  let hasDependantCharts = false;
  for (const parent of all) {
    if (!Chart.isChart(parent)) continue;
    for (const child of parent.node.children) {
      if (!Chart.isChart(child)) continue;
      parent.node.addDependency(child);
      hasDependantCharts = true;
    }
  }
  for (const { source, target } of dependencies()) {
    const sourceChart = ownChart(source);
    const targetChart = ownChart(target);
    if (sourceChart !== targetChart) {
      sourceChart.node.addDependency(targetChart);
      hasDependantCharts = true;
    }
  }
  for (const { source, target } of dependencies()) {
    const sourceChart = ownChart(source);
    const targetChart = ownChart(target);
    const targets = findAll(target).filter((c) => ApiObject.isApiObject(c) && ownChart(c) === targetChart);
    const sources = findAll(source).filter((c) => ApiObject.isApiObject(c) && ownChart(c) === sourceChart);
    for (const t of targets) for (const s of sources) if (t !== s) s.node.addDependency(t);
  }
  return hasDependantCharts;
}

/**
 * The documents of a chart as `Chart.toJson()` returns them, from its rendering for the checks:
 * each object rendered once serves both. A chart class that overrides `toJson`, or a chart with
 * an object that could not be rendered, is asked itself (as cdk8s's `App` would, with the same
 * error if it throws).
 */
export function chartDocuments(chart: Chart, rendered: RenderedChart | undefined): any[] {
  if (rendered && chart.toJson === Chart.prototype.toJson && rendered.apiObjects.every((o) => o.manifest !== undefined)) {
    return rendered.apiObjects.map((o) => o.manifest);
  }
  return Object.values(chart.toJson());
}

/**
 * Writes into `outdir` exactly the files cdk8s's `App.synth()` writes for `app` (its
 * `yamlOutputType`, `outputFileExtension`, `0000-` prefixes when charts depend on each other,
 * `construct-metadata.json`), from the renderings of the checks and with the same YAML, and
 * returns the number of manifest files. `charts` are the app's charts in topological order.
 */
export function writeAppFiles(app: App, outdir: string, charts: readonly Chart[], rendered: ReadonlyMap<Chart, RenderedChart>, hasDependantCharts: boolean): number {
  const files = new Set<string>();
  const save = (file: string, docs: readonly unknown[]) => {
    const text = profiled('yaml', () => Yaml.stringify(...docs));
    profiled('write', () => fs.writeFileSync(file, text, { encoding: 'utf8' }));
    files.add(file);
  };
  const ext = app.outputFileExtension;
  const docsOf = (chart: Chart) => chartDocuments(chart, rendered.get(chart));
  const chartName = (chart: Chart, i: number) => (hasDependantCharts ? `${String(i).padStart(4, '0')}-` : '') + Names.toDnsLabel(chart);
  const resourceFile = (o: { kind: string; metadata: { name?: string } }) => `${o.kind}.${o.metadata.name}`.replace(/[^0-9a-zA-Z-_.]/g, '');
  // the chart's API objects in cdk8s's order, each with its rendering
  const objectsOf = (chart: Chart) => rendered.get(chart)?.apiObjects ?? [];
  switch (app.yamlOutputType) {
    case YamlOutputType.FILE_PER_APP: {
      const docs = charts.flatMap(docsOf);
      if (charts.length > 0) save(path.join(outdir, `app${ext}`), docs);
      break;
    }
    case YamlOutputType.FILE_PER_CHART:
      charts.forEach((chart, i) => save(path.join(outdir, chartName(chart, i) + ext), docsOf(chart)));
      break;
    case YamlOutputType.FILE_PER_RESOURCE:
      for (const chart of charts) {
        for (const doc of docsOf(chart)) if (doc !== undefined) save(path.join(outdir, resourceFile(doc) + ext), [doc]);
      }
      break;
    case YamlOutputType.FOLDER_PER_CHART_FILE_PER_RESOURCE:
      charts.forEach((chart, i) => {
        const folder = path.join(outdir, chartName(chart, i));
        fs.mkdirSync(folder, { recursive: true });
        // App names these files after the API object (its kind and metadata name) and renders each object itself
        for (const { apiObject, manifest } of objectsOf(chart)) {
          save(path.join(folder, resourceFile(apiObject) + ext), [manifest ?? apiObject.toJson()]);
        }
      });
      break;
    default:
      break;
  }
  if ((app as unknown as { recordConstructMetadata: boolean }).recordConstructMetadata) {
    const resources: Record<string, { path: string }> = {};
    for (const chart of charts) for (const { apiObject } of objectsOf(chart)) resources[apiObject.name] = { path: apiObject.node.path };
    fs.writeFileSync(path.join(outdir, 'construct-metadata.json'), JSON.stringify({ version: '1.0.0', resources }));
  }
  return files.size;
}
