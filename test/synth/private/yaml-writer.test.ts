import { Yaml } from 'cdk8s';
import { stringifyDocuments } from '../../../lib/synth/private/yaml-writer';

// MeshApp writes its YAML with this writer: the bytes must be exactly cdk8s's Yaml.stringify
describe('stringifyDocuments writes exactly what cdk8s\'s Yaml.stringify writes', () => {
  const tricky = [
    'web', 'y', 'n', 'yes', 'No', 'on', 'OFF', '~', 'null', '', ' ', 'a b', 'a: b', 'a:b', 'a #b', '#x', '-', '- x', '?x', ':x', 'x:',
    '1', '01', '0x1F', '1_000', '1:20', '1.5', '.5', '1e3', '.inf', '2001-12-14', 'true', 'x\ny', 'x\n', '\tx', 'a\u0001b', 'café',
    "it's", 'say "hi"', '%x', '---', '--- x', '...', '*.example.com', '<<', 'x'.repeat(1100), 'registry.example.com:5000/img:v1',
  ];

  test.each([
    ['an API object', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', labels: { 'app.kubernetes.io/name': 'web' } }, spec: { ports: [{ port: 80, name: 'http' }], selector: { app: 'web' } } }],
    ['empty and nested collections', { a: {}, b: [], c: [{ x: 1, y: [1, [2, 3], {}] }, []], d: null, e: [[{ a: 1 }]], f: { g: { h: [{ i: { j: 1 } }] } } }],
    ['scalars that must be quoted, as values', Object.fromEntries(tricky.map((s, i) => [`k${i}`, s]))],
    ['scalars that must be quoted, as keys', Object.fromEntries(tricky.map((s, i) => [s, i]))],
    ['scalars in sequences', { list: tricky }],
    ['numbers, booleans, null and undefined', { a: 0, b: -0, c: 1.5, d: 1e21, e: 2 ** 53, f: NaN, g: Infinity, h: true, i: false, j: null, k: undefined, l: [undefined, null] }],
    ['one object reachable twice (an anchor and an alias)', (() => { const shared = { s: 1 }; return { a: shared, b: [shared] }; })()],
    ['one empty list reachable twice', (() => { const e: unknown[] = []; return { a: e, b: e }; })()],
    ['a multi-line string at depth', { data: { 'script.sh': '#!/bin/sh\necho hi\n' }, list: ['a\nb'] }],
    ['an empty document', {}],
  ])('%s', (_name, doc) => {
    // WHEN / THEN
    expect(stringifyDocuments([doc])).toBe(Yaml.stringify(doc));
  });

  test('several documents, one of them undefined', () => {
    const docs = [{ a: 1 }, undefined, { b: ['x'] }];
    expect(stringifyDocuments(docs)).toBe(Yaml.stringify(...docs));
  });

  test('random documents built from the tricky scalars', () => {
    // GIVEN a deterministic generator of documents
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const pick = <T>(a: readonly T[]) => a[Math.floor(rnd() * a.length)];
    const scalar = () => pick<() => unknown>([() => pick(tricky), () => Math.floor(rnd() * 1e5) - 5e4, () => pick([0.1, -0, 1e21]), () => rnd() < 0.5, () => null])();
    const gen = (depth: number): unknown => {
      const r = rnd();
      if (depth > 4 || r < 0.4) return scalar();
      if (r < 0.7) return Object.fromEntries(Array.from({ length: Math.floor(rnd() * 4) }, (_, i) => [rnd() < 0.7 ? pick(tricky) : `k${i}`, gen(depth + 1)]));
      return Array.from({ length: Math.floor(rnd() * 4) }, () => gen(depth + 1));
    };
    // WHEN / THEN every document is written as Yaml.stringify writes it
    for (let i = 0; i < 2000; i++) {
      const docs = [{ v: gen(0) }, { w: gen(1) }];
      expect(stringifyDocuments(docs)).toBe(Yaml.stringify(...docs));
    }
  });
});
