import { InvalidGatewayServerHost } from '../../../../../lib/analysis/checks/object/gateway/invalid-gateway-server-host';
import { Severity } from '../../../../../lib/analysis/finding';
import { findings, manifest, server, summary, VERSIONS } from './helpers';

const hostsOf = (...hosts: unknown[]) => manifest('Gateway', { servers: [server({ hosts })] });

describe('CI0303 InvalidGatewayServerHost', () => {
  test.each([
    '*', 'bookinfo.example.com', '*.example.com', 'Shop.Example.COM', 'example.com.', 'prod/bookinfo.example.com', './*.example.com',
    '*/api.example.com', 'ns-1/*', '10.0.0.1', '::ffff:10.0.0.1', 'foo.123.',
  ])('accepts %s', (host) => {
    expect(findings(InvalidGatewayServerHost, hostsOf(host))).toEqual([]);
  });

  test.each([
    ['a short name', 'bookinfo', /has the short name 'bookinfo'/],
    ['an IPv6 address (no dot: Istio reads it as a short name)', '::1', /short name/],
    ['a partial wildcard', '*foo.example.com', /partial wildcard/],
    ['a wildcard in a later label', 'foo.*.example.com', /wildcard only in its first label/],
    ['an empty label', 'a..example.com', /invalid label ''/],
    ['an all-numeric top-level domain', 'example.123', /all-numeric top-level domain '123'/],
    ['a namespace that is not a DNS label', 'Bad_NS/a.example.com', /namespace 'Bad_NS'/],
    ['the Gateway API namespace ~', '~/a.example.com', /namespace '~'/],
    ['an empty namespace', '/a.example.com', /on both sides of '\/'/],
    ['an empty dnsName', 'prod/', /on both sides of '\/'/],
    ['a name over 255 characters', `${'a'.repeat(60)}.`.repeat(5) + 'com', /at most 255 characters/],
  ])('fails for %s', (_, host, message) => {
    const [f, ...rest] = findings(InvalidGatewayServerHost, hostsOf(host));
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ code: 'CI0303', field: 'spec.servers[0].hosts[0]', value: host, severity: Severity.ERROR });
    expect(f.message).toMatch(message);
  });

  test.each(VERSIONS)('fails for a server without hosts (%s)', (apiVersion) => {
    expect(summary(InvalidGatewayServerHost, manifest('Gateway', { servers: [server({ hosts: [] }), server({ hosts: undefined })] }, { apiVersion })))
      .toEqual(['spec.servers[0].hosts error', 'spec.servers[1].hosts error']);
  });

  test('names the host, the rule and the allowed forms', () => {
    const [f] = findings(InvalidGatewayServerHost, hostsOf('shop'));
    expect(f.message).toBe("gateway host 'shop' has the short name 'shop'; use a fully qualified name or '*'");
    expect(f.fix).toMatch(/^use a fully qualified name \('bookinfo.example.com'\), a wildcard/);
  });
});
