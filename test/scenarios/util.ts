import { Testing } from 'cdk8s';
import { schemaProblems } from '../../lib/analysis/crd/schema';
import { addBookinfo } from '../../lib/bookinfo/app';
import { addTrafficManagementScenarios } from '../../lib/scenarios/traffic-management';
import { MeshApp } from '../../lib/synth/mesh-app';

/**
 * The app as main.ts builds it, and the synthesized objects of one scenario chart (checked:
 * the chart's objects validate against the CRD schema, and the whole app has no error finding).
 */
export function synthScenario(id: string): { objects: any[]; app: MeshApp } {
  const app = new MeshApp({ outdir: '/nonexistent', log: () => undefined });
  const bookinfo = addBookinfo(app);
  const scenarios = addTrafficManagementScenarios(app, { bookinfo: bookinfo.workloads, destinationRules: bookinfo.destinationRules });
  const chart = scenarios[id];
  if (!chart) throw new Error(`no scenario '${id}'; have ${Object.keys(scenarios).join(', ')}`);
  const objects = Testing.synth(chart);
  for (const o of objects) expect({ object: `${o.kind}/${o.metadata.name}`, problems: schemaProblems(o) }).toEqual({ object: `${o.kind}/${o.metadata.name}`, problems: [] });
  return { objects, app };
}

/** The one object of `kind` named `name`. */
export function find(objects: any[], kind: string, name: string): any {
  const found = objects.filter((o) => o.kind === kind && o.metadata.name === name);
  expect(found).toHaveLength(1);
  return found[0];
}

/** The kinds and names of the objects, sorted: what the scenario folder applies. */
export function inventory(objects: any[]): string[] {
  return objects.map((o) => `${o.kind}/${o.metadata.name}`).sort();
}

/** A destination of `host` (short name, Bookinfo port 9080) and `subset`. */
export const dest = (host: string, subset: string, port = 9080) => ({ host, port: { number: port }, subset });

/** The `end-user: jason` header match. */
export const JASON_MATCH = [{ headers: { 'end-user': { exact: 'jason' } } }];
