import * as fs from 'fs';
import * as path from 'path';
import { parseAllDocuments } from 'yaml';
import { validators as istioValidators } from '../../imports/istio-validators';
import { schemaProblems } from '../../lib/analysis/crd/schema';

/** What {@link validateManifestDir} found. */
export interface ManifestDirReport {
  /** The YAML files read, relative to the folder, sorted. */
  readonly files: string[];
  /** How many objects were validated. */
  readonly objects: number;
  /** One line per problem: `file#index Kind/name field: message`. Empty when everything is valid. */
  readonly issues: string[];
}

const ISTIO_GROUPS = new Set(Object.keys(istioValidators).map((key) => key.slice(0, key.indexOf('/'))));

/**
 * Validates every document of every `.yaml`/`.yml` file under `dir` (recursively):
 * Istio objects against the Istio 1.30.3 CRD schemas ({@link schemaProblems}), and Kubernetes
 * built-ins (Namespace, Service, ServiceAccount, Deployment, ...) against the Kubernetes OpenAPI
 * schema as the `kubernetes-models` package compiles it (its models' `validate()`; offline).
 * An object of an API group neither knows is an issue too: nothing passes unchecked.
 *
 * Throws when `dir` does not exist.
 */
export function validateManifestDir(dir: string): ManifestDirReport {
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    throw new Error(`${dir} does not exist or is not a folder: run 'npm run synth' to produce it`);
  }
  const files = yamlFiles(dir);
  const issues: string[] = [];
  let objects = 0;
  for (const file of files) {
    const docs = parseAllDocuments(fs.readFileSync(path.join(dir, file), 'utf8'));
    docs.forEach((doc, index) => {
      const where = `${file}#${index}`;
      if (doc.errors.length > 0) {
        issues.push(`${where}: not valid YAML: ${doc.errors[0].message}`);
        return;
      }
      const manifest = doc.toJS();
      if (manifest === null || manifest === undefined) return; // an empty document
      objects++;
      issues.push(...manifestIssues(manifest).map((line) => `${where} ${objectName(manifest)} ${line}`));
    });
  }
  return { files, objects, issues };
}

/** The problems of one object, as `field: message` lines. */
export function manifestIssues(manifest: any): string[] {
  if (manifest === null || typeof manifest !== 'object' || Array.isArray(manifest)) {
    return [`(document): not a Kubernetes object, got ${JSON.stringify(manifest)}`];
  }
  const { apiVersion, kind } = manifest;
  if (typeof apiVersion !== 'string' || typeof kind !== 'string') {
    return ['(document): apiVersion and kind must be strings'];
  }
  const group = apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '';
  if (ISTIO_GROUPS.has(group)) {
    return schemaProblems(manifest).map((p) => `${p.field}: ${p.message}`);
  }
  const model = kubernetesModel(apiVersion, kind);
  if (!model) {
    return [`(document): no schema for ${kind} (${apiVersion}): neither an Istio CRD nor a Kubernetes built-in that kubernetes-models knows`];
  }
  try {
    new model(manifest).validate();
    return [];
  } catch (e: any) {
    const errors: any[] = Array.isArray(e?.errors) ? e.errors : [];
    if (errors.length === 0) return [`(document): ${e instanceof Error ? e.message : String(e)}`];
    return errors.map((err) => `${fieldOf(err.instancePath, err.params)}: ${err.message}${err.params?.allowedValues ? ` (${err.params.allowedValues.join(', ')})` : ''}`);
  }
}

/** The kubernetes-models class for `apiVersion`/`kind`, e.g. `Deployment` from `kubernetes-models/apps/v1`. */
function kubernetesModel(apiVersion: string, kind: string): (new (data: any) => { validate(): void }) | undefined {
  if (!/^([a-z0-9.-]+\/)?v[0-9]+((alpha|beta)[0-9]+)?$/.test(apiVersion)) return undefined;
  let mod: Record<string, any>;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    mod = require(`kubernetes-models/${apiVersion}`);
  } catch {
    return undefined;
  }
  const cls = mod[kind];
  return typeof cls === 'function' && cls.apiVersion === apiVersion && cls.kind === kind ? cls : undefined;
}

function yamlFiles(dir: string, rel = ''): string[] {
  const out: string[] = [];
  const entries = fs.readdirSync(path.join(dir, rel), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const e of entries) {
    const p = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...yamlFiles(dir, p));
    else if (/\.ya?ml$/.test(e.name)) out.push(p);
  }
  return out;
}

function fieldOf(pointer: string, params: any): string {
  const segments = (pointer ?? '').split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (params?.missingProperty) segments.push(params.missingProperty);
  if (params?.additionalProperty) segments.push(params.additionalProperty);
  return segments.reduce((acc, s) => (/^\d+$/.test(s) ? `${acc}[${s}]` : acc ? `${acc}.${s}` : s), '') || '(root)';
}

function objectName(manifest: any): string {
  return `${manifest?.kind ?? '?'}/${manifest?.metadata?.name ?? '?'}`;
}
