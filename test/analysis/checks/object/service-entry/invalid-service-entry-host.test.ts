import { InvalidServiceEntryHost } from '../../../../../lib/analysis/checks/object/service-entry/invalid-service-entry-host';
import { findingsOf, linesOf, manifest } from './check-util';

const lines = (spec: unknown) => linesOf(InvalidServiceEntryHost, 'ServiceEntry', spec);
const TLS = [{ number: 443, name: 'tls', protocol: 'TLS' }];

describe('InvalidServiceEntryHost (CI0401)', () => {
  test.each<[string, unknown]>([
    ['a DNS name', { hosts: ['api.example.com'] }],
    ['a wildcard first label with NONE', { hosts: ['*.example.com', 'example.com'] }],
    ['a trailing dot', { hosts: ['api.example.com.'], resolution: 'DNS' }],
    ['uppercase letters (Istio\'s labels allow them)', { hosts: ['API.Example.com'] }],
    ['a wildcard host with DNS and endpoints', { hosts: ['*.example.com'], resolution: 'DNS', endpoints: [{ address: 'proxy.example.com' }] }],
    ['a short name with DNS (Istio resolves it)', { hosts: ['foo', 'bar.com'], resolution: 'DNS', endpoints: [{ address: 'in.example.com' }] }],
    ['a named host with DYNAMIC_DNS (another check\'s rule)', { hosts: ['*x.example.com'], resolution: 'DYNAMIC_DNS' }],
  ])('accepts %s', (_name, spec) => {
    expect(lines(spec)).toEqual([]);
  });

  test.each<[string, unknown, string[]]>([
    ['no spec', undefined, ['error spec.hosts']],
    ['no hosts', { ports: TLS }, ['error spec.hosts']],
    ['an empty host list', { hosts: [] }, ['error spec.hosts']],
    ['host *', { hosts: ['*'] }, ['error spec.hosts[0]']],
    ['a wildcard in the middle', { hosts: ['api.*.example.com'] }, ['error spec.hosts[0]']],
    ['an underscore', { hosts: ['bad_host.com'] }, ['error spec.hosts[0]']],
    ['an all-numeric top-level domain', { hosts: ['api.example.123'] }, ['error spec.hosts[0]']],
    ['an empty label', { hosts: ['api..example.com'] }, ['error spec.hosts[0]']],
    ['a label longer than 63 characters', { hosts: [`${'a'.repeat(64)}.example.com`] }, ['error spec.hosts[0]']],
    ['a first label ending in \'-\'', { hosts: ['*foo-.example.com'] }, ['error spec.hosts[0]']],
    ['a partial wildcard (warning)', { hosts: ['*foo.example.com'] }, ['warning spec.hosts[0]']],
    ['a wildcard host with DNS and no endpoints', { hosts: ['a.example.com', '*.example.com'], resolution: 'DNS', ports: TLS }, ['error spec.hosts[1]']],
    ['a wildcard host with DNS_ROUND_ROBIN and empty endpoints', { hosts: ['*.example.com'], resolution: 'DNS_ROUND_ROBIN', endpoints: [] }, ['error spec.hosts[0]']],
    ['an all-numeric host with DNS and no endpoints', { hosts: ['123'], resolution: 'DNS' }, ['error spec.hosts[0]']],
    ['only the first non-FQDN host with DNS (as Istio)', { hosts: ['*.a.example.com', '*.b.example.com'], resolution: 'DNS' }, ['error spec.hosts[0]']],
    ['host * with DNS: reported once', { hosts: ['*'], resolution: 'DNS' }, ['error spec.hosts[0]']],
  ])('reports %s', (_name, spec, expected) => {
    expect(lines(spec)).toEqual(expected);
  });

  test('names the host and the resolution, and a fix that fits YAML', () => {
    const [f] = findingsOf(InvalidServiceEntryHost, manifest('ServiceEntry', { hosts: ['*.googleapis.com'], resolution: 'DNS', ports: TLS }));
    expect(f.message).toBe('host \'*.googleapis.com\' is a wildcard, but resolution DNS without endpoints resolves the hosts themselves by DNS');
    expect(f.fix).toBe('set resolution to NONE for wildcard hosts, or add endpoints with the addresses to resolve');
    const [g] = findingsOf(InvalidServiceEntryHost, manifest('ServiceEntry', { hosts: ['api.*.example.com'] }));
    expect(g.message).toBe('host \'api.*.example.com\' may only have a wildcard in its first label, not in \'*\'');
  });

  test('ignores hosts of the wrong type (the CRD schema reports them)', () => {
    expect(lines({ hosts: [42, 'a.example.com'] })).toEqual([]);
  });
});
