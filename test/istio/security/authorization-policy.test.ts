import { findingsOf as constructFindingsOf } from '../../util/findings';
import { ApiObject, Chart, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { Severity } from '../../../lib/analysis/finding';
import { AuthorizationAction, AuthorizationPolicy, AuthorizationPolicyProps } from '../../../lib/istio/security/authorization-policy';
import { Condition, Operation, Source } from '../../../lib/istio/security/authorization-rule';
import { WorkloadSelector } from '../../../lib/istio/workload-selector';

function specOf(chart: Chart) {
  return Testing.synth(chart).filter((o) => o.kind === 'AuthorizationPolicy')[0].spec;
}

function findingsOf(props: AuthorizationPolicyProps, severity: Severity = Severity.ERROR): string[] {
  const chart = Testing.chart();
  return constructFindingsOf(new AuthorizationPolicy(chart, 'ap', props)).filter((f) => f.severity === severity).map((f) => `${f.code} ${f.field}`);
}

describe('rendering', () => {
  test('defaultChild pins kind and apiVersion', () => {
    const chart = Testing.chart();
    const ap = AuthorizationPolicy.allowNothing(chart, 'allow-nothing');
    expect(ApiObject.of(ap).kind).toBe('AuthorizationPolicy');
    expect(ap.apiVersion).toBe('security.istio.io/v1');
  });

  test('allowNothing, allowAll and denyAll', () => {
    // GIVEN
    const chart = Testing.chart();

    // WHEN
    AuthorizationPolicy.allowNothing(chart, 'allow-nothing');
    AuthorizationPolicy.allowAll(chart, 'allow-all', { selector: WorkloadSelector.fromLabels({ app: 'productpage' }) });
    AuthorizationPolicy.denyAll(chart, 'deny-all', { metadata: { namespace: 'foo' } });

    // THEN
    const specs = Testing.synth(chart).map((o) => [o.metadata.name, o.spec]);
    expect(specs).toEqual([
      ['allow-nothing', { action: 'ALLOW' }],
      ['allow-all', { selector: { matchLabels: { app: 'productpage' } }, action: 'ALLOW', rules: [{}] }],
      ['deny-all', { action: 'DENY', rules: [{}] }],
    ]);
  });

  test('derives principals from ServiceAccounts in their own, the chart\'s, or the default namespace', () => {
    // GIVEN
    const app = Testing.app();
    const frontend = new Chart(app, 'frontend', { namespace: 'frontend' });
    const backend = new Chart(app, 'backend', { namespace: 'backend' });
    const productpage = new kplus.ServiceAccount(frontend, 'productpage', { metadata: { name: 'bookinfo-productpage' } });
    const explicit = new kplus.ServiceAccount(frontend, 'explicit', { metadata: { name: 'explicit', namespace: 'other' } });
    const imported = kplus.ServiceAccount.fromServiceAccountName(backend, 'gw', 'istio-ingressgateway-service-account', { namespaceName: 'istio-system' });
    const bare = Testing.chart();
    const noNs = new kplus.ServiceAccount(bare, 'plain', { metadata: { name: 'plain' } });

    // WHEN
    new AuthorizationPolicy(backend, 'reviews-viewer', {
      selector: WorkloadSelector.fromLabels({ app: 'reviews' }),
      action: AuthorizationAction.ALLOW,
      rules: [{ from: [Source.fromServiceAccounts(productpage, explicit, imported, noNs)], to: [Operation.methods('GET')] }],
    });

    // THEN
    const ap = Testing.synth(backend).find((o) => o.kind === 'AuthorizationPolicy');
    expect(ap.metadata.namespace).toBe('backend');
    expect(ap.spec.rules[0].from[0].source.principals).toEqual([
      'cluster.local/ns/frontend/sa/bookinfo-productpage',
      'cluster.local/ns/other/sa/explicit',
      'cluster.local/ns/istio-system/sa/istio-ingressgateway-service-account',
      'cluster.local/ns/default/sa/plain',
    ]);
    expect(Source.principalOf(productpage, 'example.org')).toBe('example.org/ns/frontend/sa/bookinfo-productpage');
  });

  test('renders every source, operation and condition field', () => {
    // GIVEN
    const chart = Testing.chart();

    // WHEN
    const ap = new AuthorizationPolicy(chart, 'everything', { action: AuthorizationAction.DENY });
    ap.addRule({
      from: [
        Source.of({
          principals: ['cluster.local/ns/a/sa/b'], notPrincipals: ['cluster.local/ns/a/sa/c'],
          requestPrincipals: ['iss/sub'], notRequestPrincipals: ['iss/bad'],
          namespaces: ['a'], notNamespaces: ['b'],
          ipBlocks: ['10.0.0.0/8'], notIpBlocks: ['10.1.0.0/16'],
          remoteIpBlocks: ['1.2.3.4'], notRemoteIpBlocks: ['2001:db8::/32'],
        }),
        Source.of({ serviceAccounts: ['a/b'], notServiceAccounts: ['a/c'] }),
        Source.fromNamespaces('ns1'),
        Source.fromPrincipals('cluster.local/ns/x/sa/y'),
        Source.fromRequestPrincipals('*'),
        Source.fromIpBlocks('192.168.0.0/16'),
      ],
      to: [
        Operation.of({
          hosts: ['a.example.com'], notHosts: ['b.example.com'], ports: [8080], notPorts: [9090],
          methods: ['GET'], notMethods: ['DELETE'], paths: ['/api/*', '/foo/{*}/bar/{**}'], notPaths: ['/admin'],
        }),
        Operation.paths('/info'),
        Operation.ports(15000),
      ],
      when: [
        Condition.of('request.headers[x-tenant]', { values: ['a'], notValues: ['b'] }),
        Condition.values('request.auth.claims[groups]', 'admins'),
        Condition.notValues('destination.port', '8081'),
      ],
    });

    // THEN
    expect(specOf(chart)).toEqual({
      action: 'DENY',
      rules: [{
        from: [
          {
            source: {
              principals: ['cluster.local/ns/a/sa/b'], notPrincipals: ['cluster.local/ns/a/sa/c'],
              requestPrincipals: ['iss/sub'], notRequestPrincipals: ['iss/bad'],
              namespaces: ['a'], notNamespaces: ['b'],
              ipBlocks: ['10.0.0.0/8'], notIpBlocks: ['10.1.0.0/16'],
              remoteIpBlocks: ['1.2.3.4'], notRemoteIpBlocks: ['2001:db8::/32'],
            },
          },
          { source: { serviceAccounts: ['a/b'], notServiceAccounts: ['a/c'] } },
          { source: { namespaces: ['ns1'] } },
          { source: { principals: ['cluster.local/ns/x/sa/y'] } },
          { source: { requestPrincipals: ['*'] } },
          { source: { ipBlocks: ['192.168.0.0/16'] } },
        ],
        to: [
          {
            operation: {
              hosts: ['a.example.com'], notHosts: ['b.example.com'], ports: ['8080'], notPorts: ['9090'],
              methods: ['GET'], notMethods: ['DELETE'], paths: ['/api/*', '/foo/{*}/bar/{**}'], notPaths: ['/admin'],
            },
          },
          { operation: { paths: ['/info'] } },
          { operation: { ports: ['15000'] } },
        ],
        when: [
          { key: 'request.headers[x-tenant]', values: ['a'], notValues: ['b'] },
          { key: 'request.auth.claims[groups]', values: ['admins'] },
          { key: 'destination.port', notValues: ['8081'] },
        ],
      }],
    });
    expect(ap.ruleCount).toBe(1);
    expect(constructFindingsOf(ap)).toEqual([]);
  });

  test('renders CUSTOM with a provider and a selector from a kplus Deployment', () => {
    // GIVEN
    const chart = Testing.chart();
    const d = new kplus.Deployment(chart, 'httpbin', { containers: [{ image: 'httpbin' }], podMetadata: { labels: { app: 'httpbin' } } });

    // WHEN
    new AuthorizationPolicy(chart, 'ext-authz', {
      selector: WorkloadSelector.fromWorkload(d),
      action: AuthorizationAction.CUSTOM,
      provider: 'sample-ext-authz-grpc',
      rules: [{ to: [Operation.paths('/headers')] }],
    });

    // THEN
    expect(specOf(chart)).toEqual({
      selector: { matchLabels: { app: 'httpbin' } },
      action: 'CUSTOM',
      provider: { name: 'sample-ext-authz-grpc' },
      rules: [{ to: [{ operation: { paths: ['/headers'] } }] }],
    });
  });

  test('renders AUDIT', () => {
    const chart = Testing.chart();
    new AuthorizationPolicy(chart, 'audit', { action: AuthorizationAction.AUDIT, rules: [{ to: [Operation.paths('/data')] }] });
    expect(specOf(chart)).toEqual({ action: 'AUDIT', rules: [{ to: [{ operation: { paths: ['/data'] } }] }] });
  });
});

describe('problems (reported by the object checks on the rendered manifest)', () => {
  test('fails with all errors together on synth', () => {
    // GIVEN
    const chart = Testing.chart();
    new AuthorizationPolicy(chart, 'bad', { action: AuthorizationAction.CUSTOM });

    // THEN
    expect(() => Testing.synth(chart)).toThrow(/\[test\/bad\] error CI0701 spec\.provider\.name[\s\S]*\[test\/bad\] error CI0701 spec\.rules/);
  });

  test('fails with CUSTOM without provider or rules', () => {
    expect(findingsOf({ action: AuthorizationAction.CUSTOM })).toEqual(['CI0701 spec.rules', 'CI0701 spec.provider.name']);
  });

  test('fails with a provider on a non-CUSTOM action', () => {
    expect(findingsOf({ action: AuthorizationAction.ALLOW, provider: 'ext', rules: [{}] })).toEqual(['CI0701 spec.provider']);
    expect(findingsOf({ action: AuthorizationAction.AUDIT, provider: 'ext', rules: [{}] })).toEqual(['CI0701 spec.provider']);
    expect(findingsOf({ provider: 'ext' })).toEqual(['CI0701 spec.provider']);
  });

  test('fails with DENY without rules', () => {
    expect(findingsOf({ action: AuthorizationAction.DENY })).toEqual(['CI0701 spec.rules']);
  });

  test('fails with an unknown action (the CRD schema)', () => {
    expect(findingsOf({ action: 'BLOCK' as AuthorizationAction, rules: [{}] })).toEqual(['CI0016 spec.action']);
  });

  test('warns about empty from and to lists, which Istio reads as no from or to', () => {
    expect(findingsOf({ rules: [{ from: [], to: [] }] }, Severity.WARNING)).toEqual(['CI0703 spec.rules[0].from', 'CI0703 spec.rules[0].to']);
  });

  test('fails with an empty source and an empty operation', () => {
    expect(findingsOf({ rules: [{ from: [Source.of({})], to: [Operation.of({})] }] }))
      .toEqual(['CI0703 spec.rules[0].from[0].source', 'CI0703 spec.rules[0].to[0].operation']);
    expect(findingsOf({ rules: [{ from: [Source.fromServiceAccounts()] }] })).toEqual(['CI0703 spec.rules[0].from[0].source']);
  });

  test('fails with empty values', () => {
    expect(findingsOf({ rules: [{ from: [Source.fromNamespaces('')], to: [Operation.methods('')] }] }))
      .toEqual(['CI0704 spec.rules[0].from[0].source.namespaces[0]', 'CI0704 spec.rules[0].to[0].operation.methods[0]']);
  });

  test('fails with invalid IP blocks', () => {
    expect(findingsOf({ rules: [{ from: [Source.of({ ipBlocks: ['10.0.0.0/40'], notRemoteIpBlocks: ['localhost'] })] }] }))
      .toEqual(['CI0705 spec.rules[0].from[0].source.ipBlocks[0]', 'CI0705 spec.rules[0].from[0].source.notRemoteIpBlocks[0]']);
  });

  test('fails with serviceAccounts together with principals', () => {
    expect(findingsOf({ rules: [{ from: [Source.of({ serviceAccounts: ['a/b'], principals: ['cluster.local/ns/a/sa/c'] })] }] }))
      .toEqual(['CI0706 spec.rules[0].from[0].source']);
  });

  test('fails with more than 16 serviceAccounts', () => {
    const serviceAccounts = Array.from({ length: 17 }, (_, i) => `ns/sa-${i}`);
    expect(findingsOf({ rules: [{ from: [Source.of({ serviceAccounts })] }] })).toEqual(['CI0706 spec.rules[0].from[0].source.serviceAccounts']);
  });

  test('renders and checks trust domains', () => {
    // GIVEN
    const chart = Testing.chart();
    const ap = new AuthorizationPolicy(chart, 'td', { rules: [{ from: [Source.of({ trustDomains: ['cluster.local', 'corp-*'], notTrustDomains: ['a*b'] })] }] });
    // THEN
    expect(constructFindingsOf(ap).map((f) => `${f.code} ${f.field}`)).toEqual(['CI0707 spec.rules[0].from[0].source.notTrustDomains[0]']);
  });

  test('fails with ports above 65535, and warns about port 0', () => {
    expect(findingsOf({ rules: [{ to: [Operation.of({ ports: [0], notPorts: [65536] })] }] })).toEqual(['CI0708 spec.rules[0].to[0].operation.notPorts[0]']);
    expect(findingsOf({ rules: [{ to: [Operation.of({ ports: [0] })] }] }, Severity.WARNING)).toEqual(['CI0708 spec.rules[0].to[0].operation.ports[0]']);
  });

  test('fails with an unsupported path template', () => {
    expect(findingsOf({ rules: [{ to: [Operation.paths('/foo/{*}/{name}', '/ok/{**}')] }] }))
      .toEqual(['CI0709 spec.rules[0].to[0].operation.paths[0]']);
  });

  test('warns about lowercase methods', () => {
    expect(findingsOf({ rules: [{ to: [Operation.methods('get')] }] }, Severity.WARNING)).toEqual(['CI0714 spec.rules[0].to[0].operation.methods[0]']);
  });

  test('fails with identity fields or keys under CUSTOM', () => {
    const f = findingsOf({
      action: AuthorizationAction.CUSTOM, provider: 'ext',
      rules: [{
        from: [Source.of({ principals: ['p'], namespaces: ['n'], requestPrincipals: ['r'], ipBlocks: ['1.2.3.4'] })],
        when: [Condition.values('source.principal', 'p'), Condition.values('request.auth.claims[iss]', 'x'), Condition.values('source.ip', '1.2.3.4')],
      }],
    });
    expect(f).toEqual([
      'CI0702 spec.rules[0].from[0].source.namespaces',
      'CI0702 spec.rules[0].from[0].source.principals',
      'CI0702 spec.rules[0].from[0].source.requestPrincipals',
      'CI0702 spec.rules[0].when[0].key',
      'CI0702 spec.rules[0].when[1].key',
    ]);
  });

  test('fails with a condition without values', () => {
    expect(findingsOf({ rules: [{ when: [Condition.of('source.namespace', {})] }] })).toEqual(['CI0711 spec.rules[0].when[0]']);
  });

  test('fails with a condition without key', () => {
    expect(findingsOf({ rules: [{ when: [Condition.values('', 'x')] }] })).toEqual(['CI0710 spec.rules[0].when[0].key']);
  });

  test('fails with unknown or unsupported condition keys, and accepts source.trustDomain', () => {
    const f = findingsOf({
      rules: [{
        when: [
          Condition.values('source.name', 'x'),
          Condition.values('destination.namespace', 'x'),
          Condition.values('destination.labels[app]', 'x'),
          Condition.values('request.headers', 'x'),
          Condition.values('destination.user', 'x'),
          Condition.values('source.trustDomain', 'cluster.local'),
        ],
      }],
    });
    expect(f).toEqual([0, 1, 2, 3, 4].map((i) => `CI0710 spec.rules[0].when[${i}].key`));
  });

  test('fails with invalid condition IPs and ports', () => {
    expect(findingsOf({ rules: [{ when: [Condition.values('remote.ip', 'nope'), Condition.notValues('destination.port', '99999')] }] }))
      .toEqual(['CI0711 spec.rules[0].when[0].values[0]', 'CI0711 spec.rules[0].when[1].notValues[0]']);
  });

  test('warns when a DENY rule uses only HTTP attributes, as Istio\'s webhook', () => {
    expect(findingsOf({ action: AuthorizationAction.DENY, rules: [{ to: [Operation.methods('POST')] }] }, Severity.WARNING)).toEqual(['CI0712 spec.rules[0]']);
    expect(findingsOf({ action: AuthorizationAction.DENY, rules: [{ to: [Operation.of({ methods: ['POST'], ports: [8080] })] }] }, Severity.WARNING)).toEqual([]);
    expect(findingsOf({ action: AuthorizationAction.DENY, rules: [{ from: [Source.fromRequestPrincipals('*')] }] }, Severity.WARNING)).toEqual(['CI0712 spec.rules[0]']);
    expect(findingsOf({ action: AuthorizationAction.DENY, rules: [{ from: [Source.fromNamespaces('x')] }] }, Severity.WARNING)).toEqual([]);
  });

  test('a DENY rule requiring a JWT for /api/* without ports is only a warning, never an error', () => {
    // GIVEN Istio's "require a JWT" pattern at the ingress gateway
    const props: AuthorizationPolicyProps = {
      selector: WorkloadSelector.fromLabels({ istio: 'ingressgateway' }), action: AuthorizationAction.DENY,
      rules: [{ from: [Source.of({ notRequestPrincipals: ['*'] })], to: [Operation.paths('/api/*')] }],
    };
    // THEN
    expect(findingsOf(props)).toEqual([]);
    expect(findingsOf(props, Severity.WARNING)).toEqual(['CI0712 spec.rules[0]']);
  });

  test('fails with an invalid selector (the common selector check)', () => {
    expect(findingsOf({ selector: WorkloadSelector.fromLabels({ '': 'x' }), rules: [{}] })).toEqual(['CI0024 spec.selector.matchLabels']);
  });

  test('reports values that are not service accounts given to fromServiceAccounts, and still renders', () => {
    // GIVEN a plain-JavaScript caller passing no service account
    const chart = Testing.chart();
    const ap = new AuthorizationPolicy(chart, 'js', { rules: [{ from: [Source.fromServiceAccounts(undefined as any)] }] });
    // THEN
    expect(constructFindingsOf(ap).map((f) => `${f.code} ${f.field}`)).toEqual([
      'CI0019 spec.rules[0].from[0].source.principals',
      'CI0703 spec.rules[0].from[0].source',
    ]);
  });

  test.each([
    { given: [null], message: 'rules has null or undefined entries; they are left out of the manifest' },
    { given: {}, message: 'rules must be a list, got object; it is left out of the manifest' },
  ])('fails: rules $given from plain JavaScript are a CI0019, since leaving them out changes what the policy allows', ({ given, message }) => {
    // GIVEN an ALLOW policy whose rules the manifest cannot carry (without rules, ALLOW allows nothing)
    const chart = Testing.chart();
    const ap = new AuthorizationPolicy(chart, 'js', { action: AuthorizationAction.ALLOW, rules: given as any });
    // THEN
    expect(constructFindingsOf(ap).map((f) => [f.code, f.field, f.message])).toEqual([['CI0019', 'spec.rules', message]]);
    expect(ApiObject.of(ap).toJson().spec.rules).toBeUndefined();
  });

  test('renders a plain object given as a rule entry as it is, for the checks', () => {
    // GIVEN a plain-JavaScript caller writing the manifest shape
    const chart = Testing.chart();
    const ap = new AuthorizationPolicy(chart, 'plain', { rules: [{ from: [{ source: { namespaces: ['shop'] } } as any], to: [{ operation: { ports: ['70000'] } } as any] }] });
    // THEN
    expect(ApiObject.of(ap).toJson().spec.rules).toEqual([{ from: [{ source: { namespaces: ['shop'] } }], to: [{ operation: { ports: ['70000'] } }] }]);
    expect(constructFindingsOf(ap).map((f) => `${f.code} ${f.field}`)).toEqual(['CI0708 spec.rules[0].to[0].operation.ports[0]']);
  });
});
