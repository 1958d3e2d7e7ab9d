/**
 * dist/ works with kustomize (kubectl kustomize, kubectl apply -k, Argo CD) as well as with
 * kubectl apply -f: each folder's Kustomization lists exactly the manifests kubectl apply -f
 * reads there, and is itself skipped by kubectl apply -f (no .yaml, .yml or .json extension).
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as YAML from 'yaml';
import { describeUnlessSkipped } from './util/skip';
import { REPO_ROOT } from './util/tree';

const DIST = path.join(REPO_ROOT, 'dist');
const SCENARIOS = fs.readdirSync(path.join(DIST, 'scenarios')).sort();
const FOLDERS = ['.', ...SCENARIOS.map((id) => `scenarios/${id}`)];

/** The files `kubectl apply -f <folder>` reads (not recursive): .yaml, .yml and .json, in name order. */
function applied(folder: string): string[] {
  return fs.readdirSync(path.join(DIST, folder), { withFileTypes: true })
    .filter((e) => e.isFile() && /\.(ya?ml|json)$/.test(e.name)).map((e) => e.name).sort();
}

/** kind namespace/name of every document of `files` in `folder`. */
function ids(folder: string, files: string[]): string[] {
  return files.flatMap((f) => YAML.parseAllDocuments(fs.readFileSync(path.join(DIST, folder, f), 'utf8')).map((d) => d.toJS()))
    .filter(Boolean).map((o) => `${o.kind} ${o.metadata.namespace ?? ''}/${o.metadata.name}`).sort();
}

test.each(FOLDERS)('dist/%s has a Kustomization listing exactly the manifests kubectl apply -f reads there', (folder) => {
  // GIVEN
  const file = path.join(DIST, folder, 'Kustomization');
  // THEN
  expect(YAML.parse(fs.readFileSync(file, 'utf8'))).toEqual({ apiVersion: 'kustomize.config.k8s.io/v1beta1', kind: 'Kustomization', resources: applied(folder) });
  expect(applied(folder).length).toBeGreaterThan(0);
  expect(applied(folder)).not.toContain('Kustomization');
});

const kubectl = spawnSync('kubectl', ['version', '--client'], { encoding: 'utf8' });
describeUnlessSkipped(kubectl.status === 0 ? undefined : 'kubectl is not installed')('kubectl kustomize (offline)', () => {
  test.each(FOLDERS)('kubectl kustomize dist/%s renders the same objects as the folder\'s manifests', (folder) => {
    // WHEN
    const run = spawnSync('kubectl', ['kustomize', path.join(DIST, folder)], { encoding: 'utf8', timeout: 30_000 });
    // THEN
    expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: '' });
    const rendered = YAML.parseAllDocuments(run.stdout).map((d) => d.toJS()).filter(Boolean)
      .map((o) => `${o.kind} ${o.metadata.namespace ?? ''}/${o.metadata.name}`).sort();
    expect(rendered).toEqual(ids(folder, applied(folder)));
  });
});
