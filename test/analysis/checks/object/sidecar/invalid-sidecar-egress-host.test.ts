import { InvalidSidecarEgressHost } from '../../../../../lib/analysis/checks/object/sidecar/invalid-sidecar-egress-host';
import { Severity } from '../../../../../lib/analysis/finding';
import { findings, sidecar, summary, VERSIONS } from './helpers';

const hostsOf = (...hosts: unknown[]) => sidecar({ egress: [{ hosts }] });

describe('CI0511 InvalidSidecarEgressHost', () => {
  test.each([
    './*', 'istio-system/*', '*/*', '~/*', '*/api.example.com', 'prod/reviews.prod.svc.cluster.local', '*/*.example.com', 'Prod/Reviews.example.com', './foo.com',
  ])('accepts %s', (host) => {
    expect(findings(InvalidSidecarEgressHost, hostsOf(host))).toEqual([]);
  });

  test('accepts hosts of distinct namespaces and names', () => {
    expect(findings(InvalidSidecarEgressHost, hostsOf('./*', 'istio-system/*', 'db/mysql.db.svc.cluster.local', '*/api.example.com'))).toEqual([]);
  });

  test.each([
    ['no namespace', 'api.example.com', /must have the form namespace\/dnsName/],
    ['a bare *', '*', /must have the form namespace\/dnsName/],
    ['a bare /', '/', /on both sides of '\/'/],
    ['a short name', 'prod/reviews', /short name 'reviews'/],
    ['a partial wildcard', 'prod/*foo.example.com', /partial wildcard/],
    ['a wildcard in a later label', 'prod/a.*.example.com', /wildcard only in its first label/],
    ['an invalid namespace', 'Prod_NS/*', /namespace 'Prod_NS'/],
    ['an IP address', '*/10.0.0.1', /all-numeric top-level domain/],
  ])('fails for %s', (_, host, message) => {
    const [f, ...rest] = findings(InvalidSidecarEgressHost, hostsOf(host));
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ code: 'CI0511', field: 'spec.egress[0].hosts[0]', severity: Severity.ERROR });
    expect(f.message).toMatch(message);
  });

  test.each([
    ['a listener without hosts', sidecar({ egress: [{ hosts: [] }] }), ['spec.egress[0].hosts error']],
    ['a host listed twice', hostsOf('db/mysql.example.com', 'db/mysql.example.com'), ['spec.egress[0].hosts[1] warning']],
    ['a host after its namespace wildcard', hostsOf('./*', 'shop/reviews.shop.svc.cluster.local'), ['spec.egress[0].hosts[1] warning']],
    ['a namespace wildcard after one of its hosts', hostsOf('db/mysql.example.com', 'db/*'), ['spec.egress[0].hosts[1] warning']],
    ['*/* next to other hosts', hostsOf('*/*', 'istio-system/*'), ['spec.egress[0].hosts[0] warning']],
  ])('fails for %s', (_, object, expected) => {
    expect(summary(InvalidSidecarEgressHost, object)).toEqual(expected);
  });

  test.each(VERSIONS)('says how to write a host without a namespace (%s)', (apiVersion) => {
    const [f] = findings(InvalidSidecarEgressHost, sidecar({ egress: [{ hosts: ['./*', 'api.example.com'] }] }, apiVersion));
    expect(f).toMatchObject({ field: 'spec.egress[0].hosts[1]', value: 'api.example.com' });
    expect(f.message).toBe("egress host 'api.example.com' must have the form namespace/dnsName");
    expect(f.fix).toMatch(/^write hosts as namespace\/dnsName: '.\/\*' \(this namespace\)/);
  });
});
