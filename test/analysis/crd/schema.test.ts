import * as fs from 'fs';
import * as path from 'path';
import { ApiObject, JsonPatch, Testing } from 'cdk8s';
import { parseAllDocuments } from 'yaml';
import { validators } from '../../../imports/istio-validators';
import { CHECKS } from '../../../lib/analysis/registry';
import { schemaProblems } from '../../../lib/analysis/crd/schema';
import { networking } from '../../../lib/istio/private/l1';
import { SHARED_DIR } from '../../util/tree';
import { withoutSchemaGuard } from '../../setup/schema-guard';
import { describeWithShared } from '../../util/shared';

const SAMPLES = path.join(SHARED_DIR, 'istio', '1.30.3', 'samples', 'bookinfo', 'networking');

function virtualService(spec: any): any {
  return { apiVersion: 'networking.istio.io/v1', kind: 'VirtualService', metadata: { name: 'reviews', namespace: 'bookinfo' }, spec };
}

function destinationRule(spec: any): any {
  return { apiVersion: 'networking.istio.io/v1', kind: 'DestinationRule', metadata: { name: 'reviews' }, spec };
}

const VALID: any[] = [
  {
    apiVersion: 'networking.istio.io/v1',
    kind: 'Gateway',
    metadata: { name: 'bookinfo-gateway', labels: { 'app.kubernetes.io/name': 'bookinfo' } },
    spec: {
      selector: { istio: 'ingressgateway' },
      servers: [
        { port: { number: 8080, name: 'http', protocol: 'HTTP' }, hosts: ['*'] },
        { port: { number: 443, name: 'https', protocol: 'HTTPS' }, hosts: ['bookinfo.example.com'], tls: { mode: 'SIMPLE', credentialName: 'bookinfo-cert' } },
      ],
    },
  },
  virtualService({
    hosts: ['reviews'],
    http: [
      {
        name: 'jason',
        match: [{ headers: { 'end-user': { exact: 'jason' } }, uri: { prefix: '/api' } }],
        route: [{ destination: { host: 'reviews', subset: 'v2', port: { number: 9080 } } }],
        timeout: '10s',
        retries: { attempts: 3, perTryTimeout: '2s', retryOn: 'gateway-error,connect-failure' },
        fault: { delay: { percentage: { value: 100 }, fixedDelay: '7s' }, abort: { percentage: { value: 10 }, httpStatus: 500 } },
        mirror: { host: 'reviews', subset: 'v3' },
        mirrorPercentage: { value: 50.5 },
        headers: { request: { set: { 'x-version': 'v2' } }, response: { remove: ['server'] } },
      },
      { route: [{ destination: { host: 'reviews', subset: 'v1' }, weight: 75 }, { destination: { host: 'reviews', subset: 'v3' }, weight: 25 }] },
    ],
  }),
  destinationRule({
    host: 'reviews',
    trafficPolicy: {
      tls: { mode: 'ISTIO_MUTUAL' },
      loadBalancer: { simple: 'LEAST_REQUEST' },
      connectionPool: { tcp: { maxConnections: 1 }, http: { http1MaxPendingRequests: 1, maxRequestsPerConnection: 1 } },
      outlierDetection: { consecutive5xxErrors: 1, interval: '1s', baseEjectionTime: '3m', maxEjectionPercent: 100 },
    },
    subsets: [{ name: 'v1', labels: { version: 'v1' } }, { name: 'v2', labels: { version: 'v2' }, trafficPolicy: { loadBalancer: { consistentHash: { httpHeaderName: 'x-user' } } } }],
  }),
  {
    apiVersion: 'security.istio.io/v1',
    kind: 'AuthorizationPolicy',
    metadata: { name: 'deny-all', namespace: 'bookinfo' },
    spec: { action: 'DENY', rules: [{ from: [{ source: { notNamespaces: ['bookinfo'] } }], to: [{ operation: { methods: ['POST'], paths: ['/admin/*'] } }] }] },
  },
  { apiVersion: 'security.istio.io/v1', kind: 'PeerAuthentication', metadata: { name: 'default' }, spec: { mtls: { mode: 'STRICT' } } },
];

describe('schemaProblems', () => {
  test('valid objects of each kind the library emits have no problems', () => {
    for (const manifest of VALID) {
      // WHEN
      const problems = schemaProblems(manifest);

      // THEN
      expect({ kind: manifest.kind, problems }).toEqual({ kind: manifest.kind, problems: [] });
    }
  });

  test('other API groups and non-objects give no problems', () => {
    // GIVEN objects no Istio CRD describes
    const others: any[] = [
      { apiVersion: 'v1', kind: 'Service', metadata: { name: 'x' }, spec: { bogus: true } },
      { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'x' } },
      { apiVersion: 'example.com/v1', kind: 'VirtualService', metadata: { name: 'x' }, spec: { weird: 1 } },
      { apiVersion: 'install.istio.io/v1alpha1', kind: 'IstioOperator', metadata: { name: 'x' } },
      null, undefined, 'VirtualService', 42, [], { kind: 'VirtualService' }, { apiVersion: 5, kind: 'VirtualService' },
    ];

    // THEN
    for (const o of others) expect(schemaProblems(o)).toEqual([]);
  });

  test('objects rendered by the imported L1 classes validate', () => {
    // GIVEN
    const chart = Testing.chart();
    new networking.VirtualService(chart, 'reviews', {
      metadata: { name: 'reviews' },
      spec: { hosts: ['reviews'], http: [{ route: [{ destination: { host: 'reviews', subset: 'v1' }, weight: 100 }] }] },
    });
    new networking.DestinationRule(chart, 'reviews-dr', {
      metadata: { name: 'reviews' },
      spec: { host: 'reviews', subsets: [{ name: 'v1', labels: { version: 'v1' } }] },
    });

    // WHEN
    const out = Testing.synth(chart);

    // THEN
    expect(out).toHaveLength(2);
    for (const o of out) expect(schemaProblems(o)).toEqual([]);
  });

  test('older served versions are validated with the same schema', () => {
    // GIVEN
    const v1beta1 = { ...virtualService({ hosts: ['reviews'], http: [{ route: [{ destination: { host: 'reviews' }, weigth: 1 }] }] }), apiVersion: 'networking.istio.io/v1beta1' };

    // WHEN
    const problems = schemaProblems(v1beta1);

    // THEN
    expect(problems.map((p) => p.field)).toEqual(['spec.http[0].route[0].weigth']);
    expect(problems[0].message).toContain('VirtualService (networking.istio.io/v1beta1)');
  });

  test('every served apiVersion/kind has a validator that runs', () => {
    // GIVEN every key of the generated validators
    const keys = Object.keys(validators);
    expect(keys).toEqual(expect.arrayContaining([
      'networking.istio.io/v1/VirtualService', 'networking.istio.io/v1/DestinationRule', 'networking.istio.io/v1/Gateway',
      'networking.istio.io/v1/ServiceEntry', 'networking.istio.io/v1/Sidecar', 'security.istio.io/v1/AuthorizationPolicy',
      'security.istio.io/v1/PeerAuthentication', 'security.istio.io/v1/RequestAuthentication', 'telemetry.istio.io/v1/Telemetry',
      'networking.istio.io/v1alpha3/EnvoyFilter', 'extensions.istio.io/v1alpha1/WasmPlugin',
    ]));

    for (const key of keys) {
      const apiVersion = key.slice(0, key.lastIndexOf('/'));
      const kind = key.slice(key.lastIndexOf('/') + 1);
      // WHEN an object with an unknown field is checked
      const problems = schemaProblems({ apiVersion, kind, metadata: { name: 'x' }, spec: {}, extra: 1 });
      // THEN the unknown root field is reported, whatever else the kind requires
      expect(problems.map((p) => p.field)).toContain('extra');
    }
  });

  test('an unknown field added by JSON patch never reaches the manifest: the imported L1 drops it', () => {
    // GIVEN a deprecated field Istio 1.30 no longer defines
    const chart = Testing.chart();
    const vs = new networking.VirtualService(chart, 'reviews', { spec: { hosts: ['reviews'], http: [{ route: [{ destination: { host: 'reviews' } }] }] } });
    ApiObject.of(vs).addJsonPatch(JsonPatch.add('/spec/http/0/mirror_percent', 50));

    // WHEN
    const manifest = Testing.synth(chart)[0];

    // THEN cdk8s-import's toJson keeps only the fields the CRD defines, so there is nothing to report
    expect(manifest.spec.http[0]).toEqual({ route: [{ destination: { host: 'reviews' } }] });
    expect(schemaProblems(manifest)).toEqual([]);
  });

  describe('upstream Bookinfo samples', () => {
    const d = describeWithShared([SAMPLES]);
    d('from ../shared', () => {
      test.each(['bookinfo-gateway.yaml', 'destination-rule-all.yaml', 'destination-rule-all-mtls.yaml'])('%s is valid', (file) => {
        // GIVEN
        const docs = parseAllDocuments(fs.readFileSync(path.join(SAMPLES, file), 'utf8')).map((doc) => doc.toJS()).filter(Boolean);
        expect(docs.length).toBeGreaterThan(0);

        // THEN
        for (const doc of docs) expect({ name: doc.metadata.name, problems: schemaProblems(doc) }).toEqual({ name: doc.metadata.name, problems: [] });
      });

      test('fails a sample with a typo in a field name', () => {
        // GIVEN the upstream bookinfo VirtualService with `route` misspelled
        const docs = parseAllDocuments(fs.readFileSync(path.join(SAMPLES, 'bookinfo-gateway.yaml'), 'utf8')).map((doc) => doc.toJS());
        const vs = docs.find((doc) => doc.kind === 'VirtualService');
        vs.spec.http[0].routes = vs.spec.http[0].route;
        delete vs.spec.http[0].route;

        // WHEN
        const problems = schemaProblems(vs);

        // THEN
        expect(problems).toEqual([expect.objectContaining({ code: 'CI0016', field: 'spec.http[0].routes' })]);
      });
    });
  });

  describe('failures', () => {
    test('fails an unknown field with its path and the known fields, and a misspelt one with the right name', () => {
      // GIVEN
      const vs = virtualService({ hosts: ['reviews'], http: [{ route: [{ destination: { host: 'reviews' }, weigth: 50 }] }] });

      // WHEN
      const problems = schemaProblems(vs);

      // THEN
      expect(problems).toEqual([{
        code: 'CI0016',
        field: 'spec.http[0].route[0].weigth',
        value: 50,
        message: "unknown field 'weigth': the VirtualService (networking.istio.io/v1) schema does not define it here (known fields: destination, headers, weight)",
        fix: 'rename weigth to weight (spec.http[0].route[0].weight)',
      }]);
    });

    test('fails a field written one level too deep, saying where it belongs, with a fix for YAML and code', () => {
      // GIVEN a timeout under the route's destination instead of on the HTTP route
      const vs = virtualService({ hosts: ['reviews'], http: [{ route: [{ destination: { host: 'reviews', timeout: '10s' } }] }] });

      // WHEN
      const problems = schemaProblems(vs);

      // THEN
      expect(problems).toEqual([{
        code: 'CI0016',
        field: 'spec.http[0].route[0].destination.timeout',
        value: '10s',
        message: "unknown field 'timeout': the VirtualService (networking.istio.io/v1) schema does not define it at spec.http[0].route[0].destination (known fields: host, port, subset); 'timeout' belongs to spec.http[0]",
        fix: 'move timeout up to spec.http[0].timeout (a field of the HTTP route; in code, of the route given to httpRoutes or addHttpRoute)',
      }]);
    });

    test('fails an unknown field that belongs nowhere near with a fix that removes it, and never repeats the message in the fix', () => {
      // GIVEN
      const problems = schemaProblems(virtualService({ hosts: ['reviews'], http: [{ route: [{ destination: { host: 'reviews' } }], bogus: 1 }] }));
      const enumCase = schemaProblems(destinationRule({ host: 'reviews', trafficPolicy: { loadBalancer: { simple: 'FASTEST' } } }));

      // THEN
      expect(problems.map((p) => p.fix)).toEqual(['remove spec.http[0].bogus (from the YAML, or the JSON patch that adds it)']);
      expect(enumCase.map((p) => p.fix)).toEqual(['set spec.trafficPolicy.loadBalancer.simple to one of the allowed values']);
      for (const p of [...problems, ...enumCase]) expect(p.message).not.toContain(p.fix);
    });

    test('fails unknown fields at the root, in metadata and in nested objects', () => {
      // GIVEN
      const vs = { ...virtualService({ hosts: ['reviews'], exportTo: ['.'], tcp: [{ route: [{ destination: { host: 'x', prot: 1 } }] }] }), spc: {} };
      vs.metadata.label = { a: 'b' };

      // WHEN
      const fields = schemaProblems(vs).map((p) => p.field).sort();

      // THEN
      expect(fields).toEqual(['metadata.label', 'spc', 'spec.tcp[0].route[0].destination.prot']);
    });

    test('fails a wrong type added through the JSON-patch escape hatch', () => {
      // GIVEN a timeout patched in as a number instead of a duration string
      const chart = Testing.chart();
      const vs = new networking.VirtualService(chart, 'reviews', { spec: { hosts: ['reviews'], http: [{ route: [{ destination: { host: 'reviews' } }] }] } });
      ApiObject.of(vs).addJsonPatch(JsonPatch.add('/spec/http/0/timeout', 10));

      // WHEN
      const problems = schemaProblems(withoutSchemaGuard(() => Testing.synth(chart))[0]);

      // THEN
      expect(problems).toEqual([expect.objectContaining({ code: 'CI0016', field: 'spec.http[0].timeout', value: 10, fix: 'quote the value: spec.http[0].timeout: "10"' })]);
    });

    test('fails a wrong type, showing the value and its type', () => {
      // GIVEN a weight given as a string
      const vs = virtualService({ hosts: ['reviews'], http: [{ route: [{ destination: { host: 'reviews' }, weight: '50' }] }] });

      // WHEN
      const problems = schemaProblems(vs);

      // THEN
      expect(problems).toEqual([expect.objectContaining({ code: 'CI0016', field: 'spec.http[0].route[0].weight', value: '50', fix: 'write the number without quotes: spec.http[0].route[0].weight: 50' })]);
      expect(problems[0].message).toBe("must be an integer, got string '50' (VirtualService (networking.istio.io/v1) schema)");
    });

    test('fails a value outside an enum, listing the allowed values', () => {
      // GIVEN
      const dr = destinationRule({ host: 'reviews', trafficPolicy: { tls: { mode: 'MUTAL' } } });

      // WHEN
      const problems = schemaProblems(dr);

      // THEN
      expect(problems).toEqual([expect.objectContaining({ code: 'CI0016', field: 'spec.trafficPolicy.tls.mode', value: 'MUTAL' })]);
      expect(problems[0].message).toBe("'MUTAL' is not an allowed value (DestinationRule (networking.istio.io/v1) schema); allowed: 'DISABLE', 'SIMPLE', 'MUTUAL', 'ISTIO_MUTUAL'");
      expect(problems[0].fix).toBe('write spec.trafficPolicy.tls.mode: MUTUAL');
    });

    test('fails a missing required field', () => {
      // GIVEN a destination without host
      const vs = virtualService({ hosts: ['reviews'], http: [{ route: [{ destination: { subset: 'v1' } }] }] });

      // WHEN
      const problems = schemaProblems(vs);

      // THEN
      expect(problems).toEqual([expect.objectContaining({ code: 'CI0016', field: 'spec.http[0].route[0].destination.host', fix: 'set spec.http[0].route[0].destination.host' })]);
      expect(problems[0].message).toBe("required field 'host' is missing (VirtualService (networking.istio.io/v1) schema)");
    });

    test('fails two fields of which only one may be set, naming them', () => {
      // GIVEN a load balancer with both simple and consistentHash
      const dr = destinationRule({ host: 'reviews', trafficPolicy: { loadBalancer: { simple: 'RANDOM', consistentHash: { useSourceIp: true } } } });

      // WHEN
      const problems = schemaProblems(dr);

      // THEN only the combinator's own problem, not the noise of its branches
      expect(problems).toEqual([expect.objectContaining({ code: 'CI0016', field: 'spec.trafficPolicy.loadBalancer', fix: 'keep one of simple, consistentHash and remove the others' })]);
      expect(problems[0].message).toBe('only one of simple, consistentHash may be set, got simple, consistentHash (DestinationRule (networking.istio.io/v1) schema)');
    });

    test('fails an int32 out of range and a port above its maximum', () => {
      // GIVEN
      const vs = virtualService({ hosts: ['reviews'], http: [{ route: [{ destination: { host: 'reviews', port: { number: 4294967296 } }, weight: 3000000000 }] }] });

      // WHEN
      const problems = schemaProblems(vs);

      // THEN
      expect(problems.map((p) => [p.field, p.message])).toEqual(expect.arrayContaining([
        ['spec.http[0].route[0].destination.port.number', 'must be <= 4294967295, got 4294967296 (VirtualService (networking.istio.io/v1) schema)'],
        ['spec.http[0].route[0].weight', 'must be <= 2147483647, got 3000000000 (VirtualService (networking.istio.io/v1) schema)'],
      ]));
      expect(problems).toHaveLength(2);
      expect(problems[0].fix).toBe('set spec.http[0].route[0].destination.port.number to at most 4294967295');
    });

    test('fails a map value of the wrong type, quoting a key that is not an identifier', () => {
      // GIVEN
      const vs = virtualService({ hosts: ['reviews'] });
      vs.metadata.labels = { 'app.kubernetes.io/name': 5 };

      // WHEN
      const problems = schemaProblems(vs);

      // THEN
      expect(problems.map((p) => p.field)).toEqual(["metadata.labels['app.kubernetes.io/name']"]);
    });

    test('fails an unserved version of a known kind, naming the served ones', () => {
      // GIVEN
      const vs = { ...virtualService({ hosts: ['reviews'] }), apiVersion: 'networking.istio.io/v2' };

      // WHEN
      const problems = schemaProblems(vs);

      // THEN
      expect(problems).toEqual([expect.objectContaining({ code: 'CI0016', field: 'apiVersion', value: 'networking.istio.io/v2', fix: 'use apiVersion networking.istio.io/v1' })]);
      expect(problems[0].message).toContain('served: networking.istio.io/v1, networking.istio.io/v1alpha3, networking.istio.io/v1beta1');
    });

    test('fails a kind the Istio group does not define', () => {
      // WHEN
      const problems = schemaProblems({ apiVersion: 'security.istio.io/v1', kind: 'AuthPolicy', metadata: { name: 'x' } });

      // THEN
      expect(problems).toEqual([expect.objectContaining({ code: 'CI0016', field: 'kind', value: 'AuthPolicy' })]);
      expect(problems[0].message).toContain('known: AuthorizationPolicy, PeerAuthentication, RequestAuthentication');
    });

    test('fails every problem of one object together, each with a lowercase message and a fix', () => {
      // GIVEN three independent mistakes
      const dr = destinationRule({ hosst: 'reviews', trafficPolicy: { tls: { mode: 'NONE' } }, subsets: [{ name: 1 }] });

      // WHEN
      const problems = schemaProblems(dr);

      // THEN
      expect(problems.map((p) => p.field).sort()).toEqual(['spec.hosst', 'spec.host', 'spec.subsets[0].name', 'spec.trafficPolicy.tls.mode']);
      for (const p of problems) {
        expect(p.code).toBe('CI0016');
        expect(CHECKS[p.code].name).toBe('SchemaViolation');
        expect(p.message).toMatch(/^[^A-Z]/);
        expect(p.message).not.toMatch(/\.$/);
        expect(p.fix.length).toBeGreaterThan(0);
      }
    });
  });
});
