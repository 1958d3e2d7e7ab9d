import * as fs from 'fs';
import * as path from 'path';
import { parseAllDocuments } from 'yaml';
import { CrdValidationRule } from '../../../../../lib/analysis/checks/object/common/crd-validation-rule';
import { DuplicateListKey } from '../../../../../lib/analysis/checks/object/common/duplicate-list-key';
import { schemaRuleOutcomes, validationRuleOutcomes } from '../../../../../lib/analysis/crd/validation-rules';
import { celTypeCheck, compileCel } from '../../../../../lib/analysis/crd/private/cel';
import { runChecks } from '../../../../../lib/analysis/engine';
import { Finding, Severity } from '../../../../../lib/analysis/finding';
import { ManifestObject } from '../../../../../lib/analysis/manifest-object';
import { describeWithShared, ISTIO_DIR } from '../../../../util/shared';

const NET = 'networking.istio.io/v1';
const SEC = 'security.istio.io/v1';
const EXT = 'extensions.istio.io/v1alpha1';

function manifest(apiVersion: string, kind: string, spec: unknown): any {
  return { apiVersion, kind, metadata: { name: 'x', namespace: 'shop' }, spec };
}

/** The CI0021 findings of one manifest. */
function ci0021(m: unknown): Finding[] {
  const report = runChecks([ManifestObject.of(m)!], { checks: [CrdValidationRule] });
  return [...report.errors, ...report.warnings];
}

interface Case {
  readonly name: string;
  readonly manifest: any;
  /** Every finding, as `field: message`. */
  readonly findings: string[];
  /** The fix of the first finding. */
  readonly fix: string | RegExp;
}

const SE_PORTS = [{ number: 443, name: 'tls', protocol: 'TLS' }];
const se = (spec: Record<string, unknown>) => manifest(NET, 'ServiceEntry', { hosts: ['api.example.com'], ports: SE_PORTS, ...spec });

const INVALID: Case[] = [
  // durations: duration(self) >= duration('1ms'), wherever the CRD declares it (here under an array item)
  {
    name: 'a duration under 1ms in a subset traffic policy',
    manifest: manifest(NET, 'DestinationRule', { host: 'reviews', subsets: [{ name: 'v1', labels: { version: 'v1' } }, { name: 'v2', labels: { version: 'v2' }, trafficPolicy: { connectionPool: { tcp: { connectTimeout: '500us' } } } }] }),
    findings: ["spec.subsets[1].trafficPolicy.connectionPool.tcp.connectTimeout: must be a valid duration greater than 1ms, got '500us'"],
    fix: "use a Go duration of at least 1ms, such as '500ms', '10s' or '1m' (units h, m, s, ms, us, ns)",
  },
  {
    name: 'a duration that is not one (an evaluation error fails the rule)',
    manifest: manifest(NET, 'DestinationRule', { host: 'reviews', trafficPolicy: { outlierDetection: { interval: '1d' } } }),
    findings: ["spec.trafficPolicy.outlierDetection.interval: must be a valid duration greater than 1ms, got '1d' (evaluation error: Invalid duration string: 1d)"],
    fix: /^use a Go duration of at least 1ms/,
  },
  // ports: 0 < self && self <= 65535, on a list item field and on map values
  {
    name: 'a ServiceEntry port number 0',
    manifest: se({ ports: [...SE_PORTS, { number: 0, name: 'http', protocol: 'HTTP' }] }),
    findings: ['spec.ports[1].number: port must be between 1-65535, got 0'],
    fix: 'use a port number from 1 to 65535',
  },
  {
    name: 'a WorkloadEntry port map value over 65535',
    manifest: manifest(NET, 'WorkloadEntry', { address: '10.0.0.1', ports: { http: 8080, https: 70000 } }),
    findings: ['spec.ports.https: port must be between 1-65535, got 70000'],
    fix: 'use a port number from 1 to 65535',
  },
  // !self.contains("*") on selector values; key rules on the map itself
  {
    name: 'a wildcard in a Sidecar selector value (a key that is not an identifier)',
    manifest: manifest(NET, 'Sidecar', { workloadSelector: { labels: { 'app.kubernetes.io/name': 'web*' } } }),
    findings: ["spec.workloadSelector.labels['app.kubernetes.io/name']: wildcard is not supported in selector, got 'web*'"],
    fix: 'select an exact label value: selectors take no wildcards',
  },
  {
    name: 'a wildcard and an empty key in PeerAuthentication selector keys',
    manifest: manifest(SEC, 'PeerAuthentication', { selector: { matchLabels: { 'app*': 'a', '': 'b' } } }),
    findings: [
      'spec.selector.matchLabels: key must not be empty, got {"app*":"a","":"b"}',
      'spec.selector.matchLabels: wildcard not allowed in label key match, got {"app*":"a","":"b"}',
    ],
    fix: 'remove the empty label key',
  },
  // the oneOf-like (has(a) ? 1 : 0) + (has(b) ? 1 : 0) <= 1 rules
  {
    name: 'an AuthorizationPolicy with both selector and targetRefs',
    manifest: manifest(SEC, 'AuthorizationPolicy', { selector: { matchLabels: { app: 'a' } }, targetRefs: [{ kind: 'Gateway', group: 'gateway.networking.k8s.io', name: 'gw' }] }),
    findings: ['spec: only one of targetRefs or selector can be set, got selector: {"matchLabels":{"app":"a"}}, targetRef: (unset), targetRefs: 1 item'],
    fix: 'keep only one of selector, targetRef, targetRefs and remove the others',
  },
  {
    name: 'a Gateway TLS server with credentialName and credentialNames',
    manifest: manifest(NET, 'Gateway', { servers: [{ port: { number: 443, name: 'https', protocol: 'HTTPS' }, hosts: ['a.example.com'], tls: { mode: 'SIMPLE', credentialName: 'a', credentialNames: ['b'] } }] }),
    findings: ['spec.servers[0].tls: only one of credentialName or credentialNames can be set, got credentialName: \'a\', credentialNames: ["b"]'],
    fix: 'keep only one of credentialName, credentialNames and remove the others',
  },
  {
    name: 'a RequestAuthentication JWT rule with jwks and jwks_uri',
    manifest: manifest(SEC, 'RequestAuthentication', { jwtRules: [{ issuer: 'https://issuer.example.com', jwks: '{}', jwks_uri: 'https://issuer.example.com/keys' }] }),
    findings: ['spec.jwtRules[0]: only one of jwks or jwksUri can be set, got jwksUri: (unset), jwks_uri: \'https://issuer.example.com/keys\', jwks: \'{}\''],
    fix: 'keep only one of jwksUri, jwks_uri, jwks and remove the others',
  },
  // unix addresses
  {
    name: 'a relative unix socket address',
    manifest: manifest(NET, 'WorkloadEntry', { address: 'unix://relative.sock' }),
    findings: ["spec.address: UDS must be an absolute path or abstract socket, got 'unix://relative.sock'"],
    fix: 'write the socket as unix:///absolute/path or unix://@abstract-name',
  },
  {
    name: 'a unix socket address with nothing after unix:// (an index out of range fails the rule)',
    manifest: manifest(NET, 'WorkloadEntry', { address: 'unix://' }),
    findings: [
      "spec.address: UDS may not be a dir, got 'unix://'",
      "spec.address: UDS must be an absolute path or abstract socket, got 'unix://' (evaluation error: string.substring(start, end): end index out of range)",
    ],
    fix: "name the socket file, not a directory (no trailing '/')",
  },
  {
    name: 'a unix socket endpoint with ports, and one without address',
    manifest: se({ resolution: 'STATIC', endpoints: [{ address: 'unix:///var/run/app.sock', ports: { tls: 8443 } }, { labels: { a: 'b' } }] }),
    findings: [
      'spec.endpoints[0]: UDS may not include ports, got address: \'unix:///var/run/app.sock\', ports: {"tls":8443}',
      'spec.endpoints[1]: address is required, got address: (unset), network: (unset)',
    ],
    fix: 'remove ports: a unix:// address has none',
  },
  // URL schemes: isURL/url().getScheme() from the Kubernetes URL library
  {
    name: 'a WasmPlugin URL with an unknown scheme',
    manifest: manifest(EXT, 'WasmPlugin', { url: 'ftp://registry.example.com/filter.wasm' }),
    findings: ["spec.url: url must have schema one of [http, https, file, oci], got 'ftp://registry.example.com/filter.wasm'"],
    fix: /^use an http:\/\/, https:\/\/, oci:\/\/ or file:\/\/ URL/,
  },
  {
    name: 'a JWKS URI that is not an http(s) URL, and one Go cannot parse',
    manifest: manifest(SEC, 'RequestAuthentication', { jwtRules: [{ issuer: 'a', jwksUri: 'file:///keys.json' }, { issuer: 'b', jwksUri: 'keys.json' }] }),
    findings: [
      "spec.jwtRules[0].jwksUri: url must have scheme http:// or https://, got 'file:///keys.json'",
      'spec.jwtRules[1].jwksUri: url must have scheme http:// or https://, got \'keys.json\' (evaluation error: URL parse error during conversion from string: parse "keys.json": invalid URI for request)',
    ],
    fix: 'use an http:// or https:// URL',
  },
  // portLevelMtls keys: self.all(key, 0 < int(key) && int(key) <= 65535), and the selector it needs
  {
    name: 'PeerAuthentication portLevelMtls keyed by a name, without a selector',
    manifest: manifest(SEC, 'PeerAuthentication', { portLevelMtls: { http: { mode: 'STRICT' } } }),
    findings: [
      'spec: portLevelMtls requires selector, got portLevelMtls: {"http":{"mode":"STRICT"}}, selector: (unset)',
      'spec.portLevelMtls: port must be between 1-65535, got {"http":{"mode":"STRICT"}} (evaluation error: int() type error: cannot convert to int)',
    ],
    fix: 'add selector.matchLabels naming the workloads the port settings apply to, or remove portLevelMtls',
  },
  {
    name: 'PeerAuthentication portLevelMtls on port 0 with an empty selector',
    manifest: manifest(SEC, 'PeerAuthentication', { selector: { matchLabels: {} }, portLevelMtls: { 0: { mode: 'DISABLE' } } }),
    findings: [
      'spec: portLevelMtls requires selector, got portLevelMtls: {"0":{"mode":"DISABLE"}}, selector: {"matchLabels":{}}',
      'spec.portLevelMtls: port must be between 1-65535, got {"0":{"mode":"DISABLE"}}',
    ],
    fix: /^add selector\.matchLabels/,
  },
  // ServiceEntry resolution, endpoints and addresses
  {
    name: 'a ServiceEntry with endpoints and the default resolution NONE',
    manifest: se({ endpoints: [{ address: '10.0.0.1' }] }),
    findings: ['spec: NONE mode cannot set endpoints, got resolution: (unset), endpoints: [{"address":"10.0.0.1"}]'],
    fix: 'set resolution: STATIC (or DNS) to list endpoints, or remove endpoints',
  },
  {
    name: 'a ServiceEntry with DNS_ROUND_ROBIN and two endpoints',
    manifest: se({ resolution: 'DNS_ROUND_ROBIN', endpoints: [{ address: 'a.example.com' }, { address: 'b.example.com' }] }),
    findings: ['spec: DNS_ROUND_ROBIN mode cannot have multiple endpoints, got resolution: \'DNS_ROUND_ROBIN\', endpoints: [{"address":"a.example.com"},{"address":"b.example.com"}]'],
    fix: 'keep one endpoint, or use resolution: DNS for several',
  },
  {
    name: 'a ServiceEntry with a CIDR address and DNS resolution',
    manifest: se({ addresses: ['10.0.0.0/16'], resolution: 'DNS' }),
    findings: ['spec: CIDR addresses are allowed only for NONE/STATIC resolution types, got addresses: ["10.0.0.0/16"], resolution: \'DNS\''],
    fix: 'use resolution STATIC or NONE with CIDR addresses, or list single IP addresses',
  },
  {
    name: 'a ServiceEntry with endpoints and a workloadSelector, a wildcard host and repeated port numbers',
    manifest: se({ hosts: ['*'], resolution: 'STATIC', workloadSelector: { labels: { app: 'vm' } }, endpoints: [{ address: '10.0.0.1' }], ports: [...SE_PORTS, { number: 443, name: 'https', protocol: 'HTTPS' }] }),
    findings: [
      'spec: only one of WorkloadSelector or Endpoints can be set, got workloadSelector: {"labels":{"app":"vm"}}, endpoints: [{"address":"10.0.0.1"}]',
      "spec.hosts[0]: hostname cannot be wildcard, got '*'",
      'spec.ports: port number cannot be duplicated, got 2 items',
    ],
    fix: 'keep only one of workloadSelector, endpoints and remove the others',
  },
  {
    name: 'an invalid endpoint port name',
    manifest: se({ resolution: 'STATIC', endpoints: [{ address: '10.0.0.1', ports: { '-tls': 8443 } }] }),
    findings: ['spec.endpoints[0].ports: port name must be valid, got {"-tls":8443}'],
    fix: "name ports with letters, digits and '-', starting and ending with a letter or digit, under 63 characters",
  },
  // security and the other kinds
  {
    name: 'an AuthorizationPolicy source with serviceAccounts and namespaces',
    manifest: manifest(SEC, 'AuthorizationPolicy', { rules: [{ from: [{ source: { serviceAccounts: ['shop/reviews'], namespaces: ['shop'] } }] }] }),
    findings: ['spec.rules[0].from[0].source: cannot set serviceAccounts with namespaces or principals, got serviceAccounts: ["shop/reviews"], notServiceAccounts: (unset), principals: (unset), notPrincipals: (unset), namespaces: ["shop"], notNamespaces: (unset)'],
    fix: 'use serviceAccounts/notServiceAccounts alone, or principals and namespaces without them',
  },
  {
    name: 'a policy targeting another namespace',
    manifest: manifest(SEC, 'AuthorizationPolicy', { targetRefs: [{ kind: 'Service', group: '', name: 'reviews', namespace: 'other' }] }),
    findings: ["spec.targetRefs[0].namespace: cross namespace referencing is not currently supported, got 'other'"],
    fix: /^remove namespace from the target reference/,
  },
  {
    name: 'Telemetry tag overrides: UPSERT without a value (no such key), REMOVE with one',
    manifest: manifest('telemetry.istio.io/v1', 'Telemetry', { metrics: [{ overrides: [{ tagOverrides: { a: { operation: 'UPSERT' }, b: { operation: 'REMOVE', value: 'x' } } }] }] }),
    findings: [
      "spec.metrics[0].overrides[0].tagOverrides.a: value must be set when operation is UPSERT, got operation: 'UPSERT', value: (unset) (evaluation error: No such key: value)",
      "spec.metrics[0].overrides[0].tagOverrides.b: value must not be set when operation is REMOVE, got operation: 'REMOVE', value: 'x'",
    ],
    fix: 'set a non-empty value for an UPSERT tag override',
  },
  {
    name: 'an EnvoyFilter waypoint match outside the WAYPOINT context',
    manifest: manifest('networking.istio.io/v1alpha3', 'EnvoyFilter', { configPatches: [{ applyTo: 'HTTP_FILTER', match: { context: 'SIDECAR_INBOUND', waypoint: { portNumber: 8080 } }, patch: { operation: 'MERGE', value: {} } }] }),
    findings: ["spec.configPatches[0].match: only support waypointMatch when context is WAYPOINT, got context: 'SIDECAR_INBOUND', waypoint: {\"portNumber\":8080}"],
    fix: 'set context: WAYPOINT to match a waypoint, or remove waypoint',
  },
  {
    name: 'a WasmPlugin env value taken from the host with a value',
    manifest: manifest(EXT, 'WasmPlugin', { url: 'oci://registry.example.com/filter:v1', vmConfig: { env: [{ name: 'A', valueFrom: 'HOST', value: 'x' }] } }),
    findings: ["spec.vmConfig.env[0]: value may only be set when valueFrom is INLINE, got valueFrom: 'HOST', value: 'x'"],
    fix: /^remove value, or set valueFrom: INLINE/,
  },
  {
    name: 'a WorkloadGroup probe with an FTP scheme',
    manifest: manifest(NET, 'WorkloadGroup', { template: { address: '10.0.0.1' }, probe: { httpGet: { port: 8080, scheme: 'FTP' } } }),
    findings: ["spec.probe.httpGet.scheme: scheme must be one of [HTTP, HTTPS], got 'FTP'"],
    fix: 'use scheme HTTP or HTTPS',
  },
  {
    name: 'a TrafficExtension with neither wasm nor lua',
    manifest: manifest(EXT, 'TrafficExtension', { selector: { matchLabels: { app: 'a' } } }),
    findings: ['spec: exactly one of wasm or lua must be set, got wasm: (unset), lua: (unset)'],
    fix: 'set exactly one of wasm and lua',
  },
];

const VALID: Array<{ readonly name: string; readonly manifest: any }> = [
  { name: 'durations of 1ms and more, Go style', manifest: manifest(NET, 'DestinationRule', { host: 'r', trafficPolicy: { connectionPool: { tcp: { connectTimeout: '1ms', maxConnectionDuration: '1h30m' }, http: { idleTimeout: '1.5s' } }, outlierDetection: { interval: '0.001s', baseEjectionTime: '3m' } } }) },
  { name: 'a DestinationRule without traffic policy (absent values are never evaluated)', manifest: manifest(NET, 'DestinationRule', { host: 'r', subsets: [{ name: 'v1', labels: { version: 'v1' } }] }) },
  { name: 'ports 1 and 65535', manifest: se({ resolution: 'STATIC', ports: [{ number: 1, name: 'a', protocol: 'TCP', targetPort: 65535 }], endpoints: [{ address: '10.0.0.1', ports: { a: 65535 } }] }) },
  { name: 'exact selector labels', manifest: manifest(SEC, 'PeerAuthentication', { selector: { matchLabels: { 'app.kubernetes.io/name': 'web' } }, portLevelMtls: { 8080: { mode: 'DISABLE' } } }) },
  { name: 'one of selector and targetRefs', manifest: manifest(SEC, 'AuthorizationPolicy', { targetRefs: [{ kind: 'Gateway', group: 'gateway.networking.k8s.io', name: 'gw' }] }) },
  { name: 'unix sockets: absolute path and abstract', manifest: se({ resolution: 'STATIC', endpoints: [{ address: 'unix:///var/run/app.sock' }, { address: 'unix://@abstract' }] }) },
  { name: 'a network without address', manifest: manifest(NET, 'WorkloadEntry', { network: 'vpc-1' }) },
  { name: 'Wasm URLs: oci, https, file and a bare registry reference', manifest: manifest(EXT, 'WasmPlugin', { url: 'registry.example.com/filter:v1', vmConfig: { env: [{ name: 'A', valueFrom: 'HOST' }, { name: 'B', value: 'b' }] } }) },
  { name: 'a Wasm oci URL', manifest: manifest(EXT, 'WasmPlugin', { url: 'oci://registry.example.com/filter:v1' }) },
  { name: 'a Wasm file URL', manifest: manifest(EXT, 'WasmPlugin', { url: 'file:///opt/filters/filter.wasm' }) },
  { name: 'JWKS over https', manifest: manifest(SEC, 'RequestAuthentication', { jwtRules: [{ issuer: 'a', jwksUri: 'https://issuer.example.com/.well-known/jwks.json' }] }) },
  { name: 'DNS_ROUND_ROBIN with one endpoint, CIDR with STATIC', manifest: se({ addresses: ['10.0.0.0/16'], resolution: 'STATIC', endpoints: [{ address: '10.0.0.1' }] }) },
  { name: 'DNS_ROUND_ROBIN with one endpoint', manifest: se({ resolution: 'DNS_ROUND_ROBIN', endpoints: [{ address: 'a.example.com' }] }) },
  { name: 'serviceAccounts alone', manifest: manifest(SEC, 'AuthorizationPolicy', { rules: [{ from: [{ source: { serviceAccounts: ['shop/reviews'] } }] }] }) },
  { name: 'Telemetry UPSERT with a value and REMOVE without', manifest: manifest('telemetry.istio.io/v1', 'Telemetry', { metrics: [{ overrides: [{ tagOverrides: { a: { operation: 'UPSERT', value: 'x' }, b: { operation: 'REMOVE' } } }] }] }) },
];

describe('CI0021 CrdValidationRule', () => {
  test.each(INVALID)('fails: $name', ({ manifest: m, findings, fix }) => {
    // WHEN
    const found = ci0021(m);
    // THEN
    expect(found.map((f) => `${f.field}: ${f.message}`)).toEqual(findings);
    expect(found.every((f) => f.severity === Severity.ERROR && f.counterpart === 'CRD rule')).toBe(true);
    if (typeof fix === 'string') expect(found[0].fix).toBe(fix);
    else expect(found[0].fix).toMatch(fix);
  });

  test.each(VALID)('passes: $name', ({ manifest: m }) => {
    expect(ci0021(m)).toEqual([]);
  });

  test('reports the value itself for scalars and no single value for objects', () => {
    // GIVEN
    const found = ci0021(se({ hosts: ['*'], endpoints: [{ address: '10.0.0.1' }] }));
    // THEN
    expect(found.map((f) => [f.field, f.value])).toEqual([['spec', undefined], ['spec.hosts[0]', '*']]);
  });

  test('checks every served version with the schema of that version, and nothing of other groups', () => {
    // GIVEN the same wildcard host in each served version of ServiceEntry, an unserved version, and a non-Istio kind
    const host = (apiVersion: string) => ci0021({ apiVersion, kind: 'ServiceEntry', metadata: { name: 'x' }, spec: { hosts: ['*'] } });
    // THEN
    for (const v of ['v1', 'v1beta1', 'v1alpha3']) expect(host(`networking.istio.io/${v}`).map((f) => f.field)).toEqual(['spec.hosts[0]']);
    expect(host('networking.istio.io/v2')).toEqual([]);
    expect(validationRuleOutcomes({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'x' }, spec: { ports: [{ port: 0 }] } })).toEqual([]);
    expect(validationRuleOutcomes('not an object')).toEqual([]);
  });

  test('skips a rule whose value has the wrong type for its schema (the schema check reports it)', () => {
    // GIVEN a port number written as a string, and a duration as a number
    const found = ci0021(manifest(NET, 'DestinationRule', { host: 'r', trafficPolicy: { connectionPool: { tcp: { connectTimeout: 10 } } } }));
    const port = ci0021(se({ ports: [{ number: '443', name: 'tls', protocol: 'TLS' }] }));
    // THEN
    expect(found).toEqual([]);
    expect(port).toEqual([]);
  });

  test('never throws, whatever the manifest holds', () => {
    // GIVEN values of every wrong shape where rules and list types are declared
    const odd = [
      manifest(NET, 'ServiceEntry', 'spec'),
      manifest(NET, 'ServiceEntry', { hosts: [null, 1, {}], ports: [null, 'x', { number: 'x' }, { number: 1e300 }], endpoints: 'e', workloadSelector: { labels: null } }),
      manifest(NET, 'DestinationRule', { trafficPolicy: [], subsets: [{ trafficPolicy: { connectionPool: { tcp: { connectTimeout: null } } } }] }),
      manifest(SEC, 'PeerAuthentication', { portLevelMtls: [1, 2], selector: { matchLabels: JSON.parse('{"__proto__": "x", "constructor": "*"}') } }),
      manifest(NET, 'WorkloadEntry', { ports: { a: null, b: 1.5 }, address: ['unix://'] }),
      manifest('telemetry.istio.io/v1', 'Telemetry', { metrics: [{ overrides: [{ tagOverrides: { a: null, b: 'REMOVE' } }] }] }),
      { apiVersion: EXT, kind: 'WasmPlugin', spec: { url: 42, vmConfig: { env: [[], { name: {} }, { name: {} }] } } },
    ];
    // WHEN / THEN no check fails on them (a throw would be a '(check)' warning)
    for (const m of odd) {
      const report = runChecks([ManifestObject.of(m)!], { checks: [CrdValidationRule, DuplicateListKey] });
      expect([...report.errors, ...report.warnings].filter((f) => f.field === '(check)')).toEqual([]);
    }
    // and what is well typed is still checked: the wildcard value of the "constructor" label
    const pa = runChecks([ManifestObject.of(odd[3])!], { checks: [CrdValidationRule] }).errors.map((f) => f.field);
    expect(pa).toContain('spec.selector.matchLabels.constructor');
  });

  test('ignores status, which the API server resets on create', () => {
    expect(ci0021({ ...se({}), status: { hosts: ['*'] } })).toEqual([]);
  });

  test('compiles every distinct rule of the Istio CRDs once, and none reads oldSelf', () => {
    // GIVEN every rule of every served Istio schema
    const schemas = require('../../../../../imports/istio-schemas.json').schemas as Record<string, unknown>;
    const rules = new Set<string>();
    const collect = (node: unknown): void => {
      if (Array.isArray(node)) return node.forEach(collect);
      if (node === null || typeof node !== 'object') return;
      for (const r of (node as any)['x-kubernetes-validations'] ?? []) rules.add(r.rule);
      Object.values(node).forEach(collect);
    };
    collect(schemas);
    // THEN
    expect(rules.size).toBe(36);
    for (const rule of rules) {
      const program = compileCel(rule);
      expect({ rule, compiled: !(program instanceof Error) && !program.usesOldSelf }).toEqual({ rule, compiled: true });
      expect(compileCel(rule)).toBe(program);
      // and type-checks, with the Kubernetes functions they call registered
      expect({ rule, check: celTypeCheck(rule) }).toEqual({ rule, check: 'bool' });
    }
  });
});

describe('the Kubernetes rule semantics, on a schema of our own', () => {
  const schema = {
    type: 'object',
    properties: {
      spec: {
        type: 'object',
        'x-kubernetes-validations': [
          { rule: 'self.min <= self.max', messageExpression: "'min ' + string(self.min) + ' is above max ' + string(self.max)", fieldPath: '.min' },
          { rule: 'self.min == oldSelf.min', message: 'min is immutable' },
          { rule: 'has(self.__namespace__) ? self.__namespace__ != "" : true', message: 'namespace must not be empty' },
          { rule: '!has(self.extra) || self.extra.size() < 2', message: 'at most one extra field' },
        ],
        allOf: [{ properties: { items: { 'x-kubernetes-validations': [{ rule: 'self.size() < 3' }] } } }],
        properties: {
          min: { type: 'integer' },
          max: { type: 'integer' },
          namespace: { type: 'string' },
          extra: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
          items: { type: 'array', items: { 'x-kubernetes-int-or-string': true, 'x-kubernetes-validations': [{ rule: 'type(self) == int ? self > 0 : self != ""' }] } },
        },
      },
      status: { type: 'object', 'x-kubernetes-validations': [{ rule: 'false' }] },
    },
  };
  const outcomes = (spec: unknown) => schemaRuleOutcomes(schema, { apiVersion: 'x/v1', kind: 'X', metadata: { name: 'x' }, spec, status: {} })
    .map((o) => `${o.outcome} ${o.field} = ${JSON.stringify(o.value)}: ${o.message}`);

  test('passes a valid object: transition rules and status are skipped', () => {
    expect(outcomes({ min: 1, max: 2, namespace: 'a', extra: { a: 1 }, items: [1, 'a'] })).toEqual([]);
  });

  test('reports a failure at the fieldPath with the evaluated messageExpression', () => {
    expect(outcomes({ min: 3, max: 2 })).toEqual(['failed spec.min = 3: min 3 is above max 2']);
  });

  test('reads escaped field names, untyped values and int-or-string items, and allOf rules', () => {
    expect(outcomes({ min: 1, max: 2, namespace: '', extra: { a: 1, b: [2] }, items: [0, '', 'a', 1] })).toEqual([
      'failed spec = {"min":1,"max":2,"namespace":"","extra":{"a":1,"b":[2]},"items":[0,"","a",1]}: namespace must not be empty',
      'failed spec = {"min":1,"max":2,"namespace":"","extra":{"a":1,"b":[2]},"items":[0,"","a",1]}: at most one extra field',
      'failed spec.items = [0,"","a",1]: failed rule: self.size() < 3',
      'failed spec.items[0] = 0: failed rule: type(self) == int ? self > 0 : self != ""',
      'failed spec.items[1] = "": failed rule: type(self) == int ? self > 0 : self != ""',
    ]);
  });

  test('reports an evaluation error at the rule\'s node, with the rule as message when it has none', () => {
    // max is absent: self.max is "no such key"
    const [error] = schemaRuleOutcomes(schema, { spec: { min: 1 } });
    expect(error).toMatchObject({ outcome: 'error', field: 'spec', message: 'failed rule: self.min <= self.max', error: 'No such key: max' });
  });
});

// Istio's own CRD test data: documents the API server accepts, and documents it rejects
const CRDS = path.join(ISTIO_DIR, 'conformance', 'pkg', 'config', 'validation', 'testdata', 'crds');
const withCrds = describeWithShared([CRDS]);

/** Each document of a test data file: its name (with its index when a name repeats) and its CI0021/CI0022 findings. */
function caught(file: string): Array<{ readonly doc: string; readonly codes: string[] }> {
  const docs = parseAllDocuments(fs.readFileSync(path.join(CRDS, file), 'utf8')).map((d) => d.toJS()).filter((d) => d && typeof d === 'object');
  return docs.map((m, i) => {
    delete m._err; // Istio's marker of the expected error, not a field
    const report = runChecks([ManifestObject.of(m)!], { checks: [CrdValidationRule, DuplicateListKey] });
    const codes = [...new Set([...report.errors, ...report.warnings].map((f) => f.code))].sort();
    const name = String(m.metadata?.name);
    return { doc: docs.filter((d) => d.metadata?.name === name).length > 1 ? `${name}#${i}` : name, codes };
  });
}

/** What the two checks catch in each -invalid.yaml file (the rest is the webhook's or the schema's). */
const CAUGHT: Record<string, string[]> = {
  'authz-invalid.yaml': ['service-account-and-namespace CI0021', 'service-account-and-namespace-principal CI0021'],
  'destinationrule-invalid.yaml': [],
  'envoyfilter-invalid.yaml': ['waypoint-wrong-context CI0021', 'waypoint-wrong-match CI0021', 'waypoint-wrong-port CI0021'],
  'peerauth-invalid.yaml': ['bad-port CI0021', 'port-level-global CI0021', 'zero-port CI0021', 'high-port CI0021'],
  'proxyconfig-invalid.yaml': ['empty-key-selector CI0021'],
  'reqauth-invalid.yaml': ['multi-refs CI0021', 'ref-and-selector CI0021', 'bad-target-namespace CI0021', 'bad-target-group CI0021', 'bad-target-kind CI0021', 'invalid-jwks CI0021', 'bad-timeout CI0021'],
  'serviceentry-invalid.yaml': ['bad-selector-value CI0021', 'selector-and-endpoints CI0021', 'bad-host-wildcard CI0021', 'bad-cidr-resolution CI0021', 'duplicate-ports-name CI0022', 'duplicate-ports-number CI0021', 'bad-port CI0021', 'bad-port-target CI0021', 'none-with-endpoints CI0021', 'dns-rr-with-multiple-endpoints CI0021'],
  'telemetry-invalid.yaml': ['bad-tag-upsert CI0021', 'bad-tag-remove CI0021'],
  'wasm-invalid.yaml': ['invalid-url CI0021', 'invalid-url-schema CI0021', 'duplicate-env CI0022', 'invalid-env-name#9 CI0021', 'invalid-env-name#10 CI0021', 'invalid-selector#13 CI0021', 'invalid-selector#14 CI0021'],
  'workloadentry-invalid.yaml': ['missing-address CI0021', 'bad-uds-dir CI0021', 'bad-uds-relative CI0021', 'uds-with-ports CI0021', 'high-port CI0021', 'bad-port-name CI0021'],
  'workloadgroup-invalid.yaml': ['tcp-probe-invalid CI0021'],
};

withCrds('Istio\'s CRD test data (conformance/pkg/config/validation/testdata/crds)', () => {
  const files = fs.existsSync(CRDS) ? fs.readdirSync(CRDS).sort() : [];

  test.each(files.filter((f) => f.endsWith('-valid.yaml')))('passes every document of %s', (file) => {
    expect(caught(file).filter((d) => d.codes.length > 0)).toEqual([]);
  });

  test.each(files.filter((f) => f.endsWith('-invalid.yaml')))('catches the CEL and list-type mistakes of %s', (file) => {
    expect(caught(file).filter((d) => d.codes.length > 0).map((d) => `${d.doc} ${d.codes.join(' ')}`)).toEqual(CAUGHT[file]);
  });
});
