import { Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { analyze, collectObjects } from '../../fixtures';
import { networking } from '../../../../lib/istio/private/l1';
import { bookinfo, deployment, dr, findingsOf, replace, service } from '../../fixtures';

describe('CI1009 SubsetSelectsNoPods', () => {
  test('passes for subsets matching pod templates (Deployment, StatefulSet) and for Services whose pods are not in the app', () => {
    // GIVEN
    const objects = [
      ...bookinfo(),
      service('db', { ports: [{ name: 'tcp-mysql', port: 3306 }] }),
      deployment('db-primary', { app: 'db', role: 'primary' }, 'default', 'StatefulSet'),
      dr('db', { host: 'db', subsets: [{ name: 'primary', labels: { role: 'primary' } }] }),
      service('external-team'),
      dr('external-team', { host: 'external-team', subsets: [{ name: 'v1', labels: { version: 'v1' } }] }),
    ];
    // WHEN / THEN
    expect(findingsOf(objects, 'CI1009')).toEqual([]);
  });

  test('fails for a subset whose version no pod template has, listing the Service pods', () => {
    // GIVEN
    const objects = replace(bookinfo(), 'default/DestinationRule/reviews', dr('reviews', {
      host: 'reviews', subsets: ['v1', 'v2', 'v3', 'v4'].map((v) => ({ name: v, labels: { version: v } })),
    }));
    // WHEN
    const findings = findingsOf(objects, 'CI1009');
    // THEN
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ path: 'default/DestinationRule/reviews', field: 'spec.subsets[3].labels', value: { version: 'v4' } });
    expect(findings[0].message).toBe("subset 'v4' labels {version=v4} select no pod of Service 'default/reviews'; its pods: "
      + 'Deployment reviews-v1 {app=reviews, version=v1}, Deployment reviews-v2 {app=reviews, version=v2}, Deployment reviews-v3 {app=reviews, version=v3}');
  });

  test('fails for labels of a pod that the Service does not select', () => {
    // GIVEN: ratings-v1 has version=v1 but the subset is of reviews; the label key is misspelled too
    const objects = replace(bookinfo(), 'default/DestinationRule/reviews', dr('reviews', {
      host: 'reviews', subsets: [{ name: 'v1', labels: { version: 'v1' } }, { name: 'ratings', labels: { app: 'ratings' } }, { name: 'v2', labels: { verison: 'v2' } }],
    }));
    // WHEN / THEN
    expect(findingsOf(objects, 'CI1009').map((f) => f.field)).toEqual(['spec.subsets[1].labels', 'spec.subsets[2].labels']);
  });

  test('fails for a pod template in another namespace than the Service', () => {
    // GIVEN
    const objects = [
      service('web', { ns: 'front' }),
      deployment('web-v1', { app: 'web', version: 'v1' }, 'front'),
      deployment('web-v2', { app: 'web', version: 'v2' }, 'other'),
      dr('web', { host: 'web.front.svc.cluster.local', subsets: [{ name: 'v1', labels: { version: 'v1' } }, { name: 'v2', labels: { version: 'v2' } }] }),
    ];
    // WHEN / THEN
    expect(findingsOf(objects, 'CI1009').map((f) => [f.path, f.field])).toEqual([['default/DestinationRule/web', 'spec.subsets[1].labels']]);
  });

  test('fails for a cdk8s-plus Deployment whose pod labels differ from the subset', () => {
    // GIVEN
    const chart = Testing.chart();
    const v1 = new kplus.Deployment(chart, 'reviews-v1', { containers: [{ image: 'reviews:v1', portNumber: 9080 }], podMetadata: { labels: { app: 'reviews', version: 'v1' } } });
    const svc = new kplus.Service(chart, 'reviews', { metadata: { name: 'reviews' }, ports: [{ port: 9080, name: 'http' }] });
    svc.selectLabel('app', 'reviews');
    void v1;
    new networking.DestinationRule(chart, 'reviews-dr', { metadata: { name: 'reviews' }, spec: { host: 'reviews', subsets: [{ name: 'v1', labels: { version: 'v1' } }, { name: 'v2', labels: { version: 'v2' } }] } });
    // WHEN
    const findings = analyze(collectObjects(chart)).findings.filter((f) => f.code === 'CI1009');
    // THEN
    expect(findings.map((f) => [f.path, f.field])).toEqual([[`${chart.node.path}/reviews-dr`, 'spec.subsets[1].labels']]);
    expect(findings[0].message).toMatch(/its pods: Deployment .*reviews-v1.* \{app=reviews, version=v1\}$/);
  });
});
