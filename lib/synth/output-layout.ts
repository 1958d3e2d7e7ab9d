import { Chart } from 'cdk8s';
import { IConstruct } from 'constructs';

const PLACEMENT_KEY = 'cdk8s-istio/placement';

/**
 * Where a chart's manifests go inside the output folder.
 *
 * @see https://cdk8s.io/docs/latest/cli/synth/#configuring-synth-output
 */
export interface ChartPlacement {
  /**
   * The file, relative to the output folder, e.g. `10-bookinfo-workloads.k8s.yaml` or
   * `scenarios/reviews-v3/reviews-v3.k8s.yaml`. Files at the top level are what
   * `kubectl apply -f dist/` applies, in file-name order. The files of a layer go in a folder
   * of their own, which gets the layer's `Kustomization`.
   */
  readonly file: string;
  /**
   * The layer the chart belongs to. Charts without a layer form the base app; each named layer
   * (for example a scenario) is applied on top of the base and analysed together with it, but
   * never together with another layer.
   *
   * @default - the base app
   */
  readonly layer?: string;
}

/**
 * Records where a chart is written; see {@link ChartPlacement}.
 *
 * @example
 * placeChart(chart, { file: 'scenarios/reviews-v3/reviews-v3.k8s.yaml', layer: 'reviews-v3' });
 * @see https://cdk8s.io/docs/latest/cli/synth/#configuring-synth-output
 */
export function placeChart(chart: Chart, placement: ChartPlacement): void {
  if (!/^[a-z0-9][a-z0-9._/-]*\.ya?ml$/.test(placement.file) || placement.file.split('/').includes('..')) {
    throw new Error(`[${chart.node.path}] placement file '${placement.file}' must be a relative lowercase path ending in .yaml or .k8s.yaml, without '..'`);
  }
  chart.node.addMetadata(PLACEMENT_KEY, placement);
}

/**
 * The placement of a chart: what {@link placeChart} recorded, else `<chart id>.k8s.yaml` in the base app.
 *
 * @see https://cdk8s.io/docs/latest/cli/synth/#configuring-synth-output
 */
export function placementOf(chart: IConstruct): ChartPlacement {
  const entry = chart.node.metadata.find((m) => m.type === PLACEMENT_KEY);
  return (entry?.data as ChartPlacement | undefined) ?? { file: `${chart.node.id}.k8s.yaml` };
}

/**
 * Whether {@link placeChart} placed this chart. An app with a placed chart is written in its
 * placements; otherwise `MeshApp` writes the files cdk8s's `App` writes.
 *
 * @see https://cdk8s.io/docs/latest/cli/synth/#configuring-synth-output
 */
export function hasPlacement(chart: IConstruct): boolean {
  return chart.node.metadata.some((m) => m.type === PLACEMENT_KEY);
}
