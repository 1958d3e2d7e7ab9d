import { Chart, Include, Testing } from 'cdk8s';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { expandList, expandLists, isList } from '../../../lib/analysis/manifest/list';
import { ManifestObject } from '../../../lib/analysis/manifest-object';
import { MeshModel } from '../../../lib/analysis/model/mesh-model';
import { renderCharts } from '../../../lib/analysis/sources/construct-tree';

const POD = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web-1', namespace: 'shop', labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'web:1' }] } };
const SERVICE = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'shop' }, spec: { selector: { app: 'web' } } };

describe('kind: List', () => {
  test('a List is expanded into its items, reported where the list is, with its suppressions; other objects stay as they are', () => {
    // GIVEN
    const list = ManifestObject.of({ apiVersion: 'v1', kind: 'List', metadata: { annotations: { 'suppress.cdk8s-istio.io/CI1061': 'a dump' } }, items: [POD, 'not an object', SERVICE] }, {
      origin: { constructPath: 'app/dump', location: { file: 'dump.yaml', line: 1 }, locate: (f) => ({ file: 'dump.yaml', line: f.startsWith('items[2]') ? 20 : 5 }) },
    })!;
    const other = ManifestObject.of(SERVICE)!;
    // WHEN
    const items = expandList(list);
    // THEN
    expect(isList(list)).toBe(true);
    expect(isList(other)).toBe(false);
    expect(items.map((o) => [o.kind, o.qualifiedName, o.path])).toEqual([['Pod', 'shop/web-1', 'app/dump'], ['Service', 'shop/web', 'app/dump']]);
    expect(items[1].locate('spec.selector')).toEqual({ file: 'dump.yaml', line: 20 });
    expect(items[0].suppressions.map((s) => s.code)).toEqual(['CI1061']);
    expect(expandList(other)).toEqual([other]);
    expect(expandLists([list, other]).map((o) => o.kind)).toEqual(['Pod', 'Service', 'Service']);
  });

  test('an Included List is checked as its items: the charts render them and the model indexes them', () => {
    // GIVEN
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'list-')), 'dump.yaml');
    fs.writeFileSync(file, JSON.stringify({ apiVersion: 'v1', kind: 'List', items: [POD, SERVICE] }));
    const chart = new Chart(Testing.app(), 'shop', { namespace: 'shop' });
    new Include(chart, 'dump', { url: file });
    // WHEN
    const objects = renderCharts(chart).flatMap((c) => c.objects);
    const model = new MeshModel([ManifestObject.of({ apiVersion: 'v1', kind: 'List', items: [POD, SERVICE] })!]);
    // THEN
    expect(objects.map((o) => `${o.kind} ${o.qualifiedName}`)).toEqual(['Pod shop/web-1', 'Service shop/web']);
    expect(model.objects.map((o) => o.kind)).toEqual(['Pod', 'Service']);
    expect(model.podsOf(model.service('shop', 'web')!).map((p) => p.owner.name)).toEqual(['web-1']);
  });
});
