import { ApiObject, App, Chart, DependencyGraph, Testing } from 'cdk8s';
import { Construct } from 'constructs';
import { topology } from '../../../lib/analysis/sources/topology';

describe('topology lists constructs in the order of cdk8s\'s DependencyGraph', () => {
  test('objects that depend on others, shared dependencies, nested and numbered charts', () => {
    // GIVEN an app whose objects depend on each other across and within charts
    const app = Testing.app();
    const first = new Chart(app, '1');
    const base = new Chart(app, 'base');
    const nested = new Chart(base, 'nested');
    const objects = [first, base, nested].flatMap((chart) =>
      ['a', 'b', 'c', 'd'].map((id) => new ApiObject(chart, id, { apiVersion: 'v1', kind: 'ConfigMap' })));
    const group = new Construct(base, 'group');
    const inGroup = new ApiObject(group, 'x', { apiVersion: 'v1', kind: 'ConfigMap' });
    objects[0].addDependency(objects[3]);
    objects[1].addDependency(objects[3], objects[2]);
    objects[2].addDependency(objects[3]);
    objects[4].addDependency(inGroup);
    group.node.addDependency(objects[7]);
    objects[8].addDependency(objects[5]); // across charts: left out of the chart's own graph
    base.addDependency(first);

    // WHEN / THEN the same order for the app and for each chart
    for (const scope of [app, first, base, nested]) {
      expect(topology(scope).map((c) => c.node.path)).toEqual(new DependencyGraph(scope.node).topology().map((c) => c.node.path));
    }
  });

  test('fails on a dependency cycle with cdk8s\'s own error, even when nothing outside the cycle points to it', () => {
    // GIVEN
    const app = new App();
    const chart = new Chart(app, 'chart');
    const a = new ApiObject(chart, 'a', { apiVersion: 'v1', kind: 'ConfigMap' });
    const b = new ApiObject(chart, 'b', { apiVersion: 'v1', kind: 'ConfigMap' });
    a.addDependency(b);
    b.addDependency(a);
    // WHEN / THEN
    expect(() => topology(chart)).toThrow(/Dependency cycle detected/);
  });
});
