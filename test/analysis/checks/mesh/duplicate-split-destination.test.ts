import { Severity } from '../../../../lib/analysis/finding';
import { bookinfo, findingsOf, replace, vs } from '../../fixtures';

const to = (host: string, subset?: string, weight?: number, port?: number) => ({ destination: { host, ...(subset ? { subset } : {}), ...(port ? { port: { number: port } } : {}) }, ...(weight !== undefined ? { weight } : {}) });

describe('CI1022 DuplicateSplitDestination', () => {
  test('fails (warning) for a split whose destinations are all one subset', () => {
    // GIVEN
    const objects = replace(bookinfo(), 'default/VirtualService/reviews', vs('reviews', { hosts: ['reviews'], http: [{ route: [to('reviews', 'v1', 90), to('reviews', 'v1', 10)] }] }));
    // WHEN
    const findings = findingsOf(objects, 'CI1022');
    // THEN
    expect(findings.map((f) => [f.field, f.severity])).toEqual([['spec.http[0].route[1].destination', Severity.WARNING]]);
    expect(findings[0].message).toBe("every destination of the split in http[0] is host 'reviews' subset 'v1', so the split sends all traffic to the same pods");
  });

  test('fails for a repeated destination in a larger split, short name and FQDN alike, and in TCP routes', () => {
    // GIVEN
    const objects = [vs('split', {
      hosts: ['split.example.com'],
      http: [{ route: [to('reviews', 'v1', 40), to('reviews', 'v2', 20), to('reviews.default.svc.cluster.local', 'v1', 40)] }],
      tcp: [{ route: [to('db', undefined, 50, 5432), to('db', undefined, 50, 5432)] }],
    })];
    // WHEN
    const findings = findingsOf(objects, 'CI1022');
    // THEN
    expect(findings.map((f) => [f.field, f.message])).toEqual([
      ['spec.http[0].route[2].destination', "destination http[0].route[2] repeats host 'reviews.default.svc.cluster.local' subset 'v1' of route[0], so both shares reach the same pods"],
      ['spec.tcp[0].route[1].destination', "every destination of the split in tcp[0] is host 'db' (no subset) port 5432, so the split sends all traffic to the same pods"],
    ]);
  });

  test.each<[string, unknown[]]>([
    ['two subsets', [to('reviews', 'v1', 50), to('reviews', 'v2', 50)]],
    ['two ports', [to('reviews', undefined, 50, 9080), to('reviews', undefined, 50, 9081)]],
    ['two hosts', [to('reviews', 'v1', 50), to('ratings', 'v1', 50)]],
    ['one destination', [to('reviews', 'v1')]],
  ])('passes for %s', (_what, route) => {
    // GIVEN / WHEN / THEN
    expect(findingsOf([vs('split', { hosts: ['split.example.com'], http: [{ route }] })], 'CI1022')).toEqual([]);
  });
});
