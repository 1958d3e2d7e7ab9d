/**
 * istioctl's own analyzer test cases (`pkg/config/analysis/analyzers/analyzers_test.go` and its
 * `testdata/`), read from `../shared` through the `cdk8s-istio check` command's reader and run
 * through every check. For each case within the product's mission: every message istioctl expects
 * is reported by the mapped code on the same object, and every other error or warning we report
 * is a real mistake of the input, listed with its reason in the scope file. Cases outside the
 * mission are listed as skipped, each with its reason.
 */
import * as path from 'path';
import { runChecks } from '../../lib/analysis/engine';
import { Finding } from '../../lib/analysis/finding';
import { ISTIO_DEFAULT_GATEWAYS } from '../../lib/analysis/model/installation';
import { ManifestObject } from '../../lib/analysis/manifest-object';
import { readManifests } from '../../lib/analysis/sources/yaml';
import { ANALYZERS_DIR, AnalyzerCase, MESSAGES_FILE, readAnalyzerCases, readMessageTypes } from '../util/istio-analyzer-cases';
import { ANALYZERS, EXTRAS, GAPS, Mirrored, SKIPPED_CASES } from './istioctl-analyzers.scope';
import { sharedMissing } from '../util/shared';
import { describeUnlessSkipped } from '../util/skip';

const missing = sharedMissing([path.join(ANALYZERS_DIR, 'analyzers_test.go'), MESSAGES_FILE]);
const present = missing === undefined;

/** The object as istioctl names it: `Kind name`, or `Kind ns/name` when the input names the namespace (`Namespace name` for namespaces). */
function origin(object: ManifestObject): string {
  const written = object.manifest?.metadata?.namespace;
  return typeof written === 'string' && written !== '' ? `${object.kind} ${written}/${object.name}` : `${object.kind} ${object.name}`;
}

/** Why a case is skipped, or `undefined` when it runs. */
function skipReason(c: AnalyzerCase): string | undefined {
  const analyzer = ANALYZERS[c.analyzer];
  if (!analyzer) return `analyzer ${c.analyzer} is not in the scope table`;
  if ('skip' in analyzer) return analyzer.skip;
  if (SKIPPED_CASES[c.name]) return SKIPPED_CASES[c.name];
  if (c.meshConfigFile) return `needs MeshConfig (${c.meshConfigFile})`;
  if (c.meshNetworksFile) return `needs MeshNetworks (${c.meshNetworksFile})`;
  return undefined;
}

interface Result {
  /** `Type Kind ns/name` of expected messages we do not report. */
  readonly missing: string[];
  /** `CODE Kind ns/name` of our findings that no expected message accounts for. */
  readonly unexpected: string[];
}

function run(c: AnalyzerCase, analyzer: Mirrored): Result {
  const { objects, findings } = readManifests(c.inputFiles.map((f) => path.join(ANALYZERS_DIR, f)));
  // istioctl's tests add its default ingress gateway (istio-system, istio=ingressgateway) to the
  // files, as `istioctl analyze` does for files (AddDefaultResources): the same installation, declared
  const report = runChecks(objects, { inputFindings: findings, external: { installedGateways: ISTIO_DEFAULT_GATEWAYS } });
  const byPath = new Map(objects.map((o) => [o.path, o]));
  const ours = [...report.errors, ...report.warnings].map((f: Finding) => `${f.code} ${byPath.has(f.path) ? origin(byPath.get(f.path)!) : f.path}`);
  const accounted = new Set<string>();
  const missing: string[] = [];
  for (const e of c.expected) {
    const codes = analyzer.messages[e.type] ?? [];
    const hit = ours.filter((o) => codes.some((code) => o === `${code} ${e.origin}`));
    if (hit.length === 0) missing.push(`${e.type} ${e.origin}`);
    hit.forEach((h) => accounted.add(h));
  }
  return { missing: [...new Set(missing)].sort(), unexpected: [...new Set(ours.filter((o) => !accounted.has(o)))].sort() };
}

const cases = present ? readAnalyzerCases() : [];
const messageTypes = present ? readMessageTypes() : new Map();
const running = cases.filter((c) => !skipReason(c));
const skipped = cases.filter((c) => skipReason(c));

describeUnlessSkipped(missing)('istioctl\'s analyzer cases', () => {
  test('every analyzer and every message type of the table is known', () => {
    expect(cases.length).toBeGreaterThan(90);
    expect(cases.map((c) => c.analyzer).filter((a) => !ANALYZERS[a])).toEqual([]);
    const types = new Set(cases.flatMap((c) => c.expected.map((e) => e.type)));
    expect([...types].filter((t) => !messageTypes.has(t))).toEqual([]);
  });

  test.each(running.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const analyzer = ANALYZERS[c.analyzer] as Mirrored;
    const mapped = new Set(Object.values(analyzer.messages).flat());
    const result = run(c, analyzer);
    // every expected message is reported, except the known gaps
    expect(result.missing).toEqual(Object.keys(GAPS[c.name] ?? {}).sort());
    // every other finding is a real mistake of the input, listed with its reason: one by one for the
    // codes that mirror this analyzer, by code for the others (istioctl runs one analyzer per case,
    // on files that only hold what that analyzer needs; we run every check)
    const extras = EXTRAS[c.name] ?? {};
    const explained = (u: string) => u in extras || (!mapped.has(u.split(' ')[0]) && u.split(' ')[0] in extras);
    expect(result.unexpected.filter((u) => !explained(u))).toEqual([]);
    expect(Object.keys(extras).filter((k) => !result.unexpected.some((u) => u === k || u.split(' ')[0] === k))).toEqual([]);
  });

  describe('skipped (outside the mission, or needs a live cluster, MeshConfig or Secrets)', () => {
    for (const c of skipped) test.skip(`${c.name} [${c.analyzer}]: ${skipReason(c)}`, () => undefined);
  });

  test('issue 8 is done: no expected message of an analyzer in scope goes unreported, and no finding disagrees with istioctl', () => {
    expect(GAPS).toEqual({});
    const disagreements = Object.entries(EXTRAS).flatMap(([name, e]) => Object.entries(e).filter(([, why]) => /TODO/.test(why)).map(([k]) => `${name}: ${k}`));
    expect(disagreements).toEqual([]);
    // every message type of a mirrored analyzer has a code of ours, except where a case is skipped with its reason
    const unmapped = Object.entries(ANALYZERS).flatMap(([a, v]) => ('messages' in v ? Object.entries(v.messages).filter(([, codes]) => codes.length === 0).map(([t]) => `${a} ${t}`) : []));
    expect(unmapped).toEqual(['injection.Analyzer NamespaceInjectionEnabledByDefault']);
    expect(Object.keys(SKIPPED_CASES)).toEqual(['istioInjectionEnableNamespacesByDefault']);
  });

  test('the scope table has no stale entries', () => {
    const names = new Set(cases.map((c) => c.name));
    expect([...Object.keys(GAPS), ...Object.keys(EXTRAS), ...Object.keys(SKIPPED_CASES)].filter((n) => !names.has(n))).toEqual([]);
  });
});
