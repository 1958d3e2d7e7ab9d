import { DuplicateListKey } from '../../../../../lib/analysis/checks/object/common/duplicate-list-key';
import { duplicateListItems, schemaDuplicateListItems } from '../../../../../lib/analysis/crd/list-types';
import { runChecks } from '../../../../../lib/analysis/engine';
import { Finding, Severity } from '../../../../../lib/analysis/finding';
import { ManifestObject } from '../../../../../lib/analysis/manifest-object';

function manifest(apiVersion: string, kind: string, spec: unknown): any {
  return { apiVersion, kind, metadata: { name: 'x', namespace: 'shop' }, spec };
}

/** The CI0022 findings of one manifest. */
function ci0022(m: unknown): Finding[] {
  const report = runChecks([ManifestObject.of(m)!], { checks: [DuplicateListKey] });
  return [...report.errors, ...report.warnings];
}

const port = (number: number, name?: string) => ({ number, ...(name === undefined ? {} : { name }), protocol: 'HTTP' });
const se = (ports: unknown[], apiVersion = 'networking.istio.io/v1') => manifest(apiVersion, 'ServiceEntry', { hosts: ['api.example.com'], ports });
const wasm = (spec: Record<string, unknown>) => manifest('extensions.istio.io/v1alpha1', 'WasmPlugin', { url: 'oci://registry.example.com/f:v1', ...spec });

interface Case {
  readonly name: string;
  readonly manifest: any;
  /** Every finding, as `field = value: message`. */
  readonly findings: string[];
  /** The fix of the first finding. */
  readonly fix?: string;
}

const INVALID: Case[] = [
  {
    name: 'two ServiceEntry ports named http',
    manifest: se([port(80, 'http'), port(443, 'https'), port(8080, 'http')]),
    findings: ["spec.ports[2] = 'http': repeats the name 'http' of spec.ports[0]: spec.ports is a map keyed by name"],
    fix: 'give each item of spec.ports a distinct name, or merge spec.ports[2] into spec.ports[0]',
  },
  {
    name: 'a name repeated three times (reported once, at its second item, as the API server does)',
    manifest: se([port(80, 'http'), port(81, 'http'), port(82, 'http')], 'networking.istio.io/v1beta1'),
    findings: ["spec.ports[1] = 'http': repeats the name 'http' of spec.ports[0]: spec.ports is a map keyed by name"],
  },
  {
    name: 'two ports without a name (an unset key is a value of its own)',
    manifest: se([port(80), port(81)], 'networking.istio.io/v1alpha3'),
    findings: ['spec.ports[1] = {}: has no name, like spec.ports[0]: spec.ports is a map keyed by name'],
    fix: 'give each item of spec.ports a distinct name, or merge spec.ports[1] into spec.ports[0]',
  },
  {
    name: 'a repeated WasmPlugin env name',
    manifest: wasm({ vmConfig: { env: [{ name: 'A', value: '1' }, { name: 'A', value: '2' }] } }),
    findings: ["spec.vmConfig.env[1] = 'A': repeats the name 'A' of spec.vmConfig.env[0]: spec.vmConfig.env is a map keyed by name"],
  },
  {
    name: 'a repeated port number in the second match of a WasmPlugin',
    manifest: wasm({ match: [{ mode: 'CLIENT' }, { ports: [{ number: 80 }, { number: 8080 }, { number: 80 }] }] }),
    findings: ['spec.match[1].ports[2] = 80: repeats the number 80 of spec.match[1].ports[0]: spec.match[1].ports is a map keyed by number'],
    fix: 'give each item of spec.match[1].ports a distinct number, or merge spec.match[1].ports[2] into spec.match[1].ports[0]',
  },
];

const VALID: Array<{ readonly name: string; readonly manifest: any }> = [
  { name: 'distinct port names (numbers may repeat: the CEL rule, CI0021, says so)', manifest: se([port(80, 'http'), port(80, 'http-alt')]) },
  { name: 'one port', manifest: se([port(80, 'http')]) },
  { name: 'names that differ only in case', manifest: wasm({ vmConfig: { env: [{ name: 'a' }, { name: 'A' }] } }) },
  { name: 'the same number in two different matches', manifest: wasm({ match: [{ ports: [{ number: 80 }] }, { ports: [{ number: 80 }] }] }) },
  { name: 'a kind without list types', manifest: manifest('networking.istio.io/v1', 'VirtualService', { hosts: ['a', 'a'] }) },
];

describe('CI0022 DuplicateListKey', () => {
  test.each(INVALID)('fails: $name', ({ manifest: m, findings, fix }) => {
    // WHEN
    const found = ci0022(m);
    // THEN
    expect(found.map((f) => `${f.field} = ${JSON.stringify(f.value).replace(/"/g, "'")}: ${f.message}`)).toEqual(findings);
    expect(found.every((f) => f.severity === Severity.ERROR && f.counterpart === 'CRD schema')).toBe(true);
    if (fix) expect(found[0].fix).toBe(fix);
  });

  test.each(VALID)('passes: $name', ({ manifest: m }) => {
    expect(ci0022(m)).toEqual([]);
  });

  test('leaves lists of the wrong shape to the schema check, and other groups alone', () => {
    expect(ci0022(se(['http', 'http']))).toEqual([]);
    expect(ci0022(manifest('networking.istio.io/v1', 'ServiceEntry', { ports: 'http' }))).toEqual([]);
    expect(duplicateListItems({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'x' }, spec: { ports: [{ name: 'a' }, { name: 'a' }] } })).toEqual([]);
    expect(duplicateListItems(null)).toEqual([]);
  });
});

describe('list types, on a schema of our own', () => {
  const schema = {
    type: 'object',
    properties: {
      spec: {
        type: 'object',
        properties: {
          tags: { type: 'array', 'x-kubernetes-list-type': 'set', items: { 'x-kubernetes-int-or-string': true } },
          rules: { type: 'array', 'x-kubernetes-list-type': 'set', items: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true } },
          routes: {
            type: 'object',
            additionalProperties: { type: 'array', 'x-kubernetes-list-type': 'map', 'x-kubernetes-list-map-keys': ['port', 'protocol'], items: { type: 'object' } },
          },
        },
      },
    },
  };
  const duplicates = (spec: unknown) => schemaDuplicateListItems(schema, { spec }).map((d) => `${d.field} (${d.listType}, first ${d.firstIndex}) = ${JSON.stringify(d.value)}`);

  test('a set compares scalars by type and value, and objects as JSON whatever their key order', () => {
    expect(duplicates({ tags: [80, '80', 'a', 80, 'a'], rules: [{ a: 1, b: [1] }, { b: [1], a: 1 }, { a: 2 }] })).toEqual([
      'spec.tags[3] (set, first 0) = 80',
      'spec.tags[4] (set, first 2) = "a"',
      'spec.rules[1] (set, first 0) = {"b":[1],"a":1}',
    ]);
  });

  test('a map list with two keys compares both, under additionalProperties entries', () => {
    expect(duplicates({ routes: { east: [{ port: 80, protocol: 'TCP' }, { port: 80, protocol: 'UDP' }, { port: 80, protocol: 'TCP', x: 1 }], 'west-1': [{ port: 80 }, null] } })).toEqual([
      'spec.routes.east[2] (map, first 0) = {"port":80,"protocol":"TCP"}',
    ]);
    expect(duplicates({ routes: { 'west.1': [{}, null] } })).toEqual(["spec.routes['west.1'][1] (map, first 0) = {}"]);
  });
});
