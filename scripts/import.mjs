#!/usr/bin/env node
// Regenerates imports/ offline from the Istio CRDs in ../shared (see cdk8s.yaml for the upstream URL).
//
//   node scripts/import.mjs [--output DIR] [--source FILE]
//
// 1. runs the locally installed cdk8s CLI (`cdk8s import <crds> --language typescript --output DIR`),
//    which writes the L1 classes (networking.istio.io.ts, security.istio.io.ts, ...);
// 2. writes DIR/istio-schemas.json: the `openAPIV3Schema` of every Istio kind (descriptions removed,
//    keys sorted), keyed by `apiVersion/kind`;
// 3. writes DIR/istio-validators.ts: ajv standalone validators compiled from those schemas, made
//    as strict as the API server with strict field validation (see `strict()` below), used by
//    lib/analysis/schema.ts. Compiling them at run time would cost ~250 ms per synth; loading the
//    generated code costs a few ms.
// 4. writes DIR/istio-crd-rules.ts: the same schemas cut down to what the CEL rules and list types
//    need (see `ruleSchema()` below), for lib/analysis/crd/validation-rules.ts and list-types.ts,
//    as a JSON.parse of a string: ~40 KB that load in well under a millisecond, where the 90 KB
//    schema file as an object literal costs ~5 ms of every synth with an Istio object.
//
// Output is deterministic: running it twice gives byte-identical files.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { parseAllDocuments } from 'yaml';

const ISTIO_VERSION = '1.30.3';
const UPSTREAM_URL = `https://raw.githubusercontent.com/istio/istio/${ISTIO_VERSION}/manifests/charts/base/files/crd-all.gen.yaml`;
const SCHEMA_FILE = 'istio-schemas.json';
const VALIDATORS_FILE = 'istio-validators.ts';
const RULES_FILE = 'istio-crd-rules.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function usage(message) {
  if (message) console.error(`import: ${message}`);
  console.error('usage: node scripts/import.mjs [--output DIR] [--source FILE]');
  process.exit(2);
}

function parseArgs(argv) {
  const args = {
    output: join(root, 'imports'),
    source: resolve(root, '..', 'shared', 'istio', ISTIO_VERSION, 'crd-all.gen.yaml'),
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.includes('=') ? arg.split(/=(.*)/s, 2) : [arg, undefined];
    if (flag === '--help' || flag === '-h') usage();
    if (flag !== '--output' && flag !== '--source') usage(`unknown argument '${arg}'`);
    const value = inline ?? argv[++i];
    if (!value) usage(`${flag} needs a value`);
    args[flag.slice(2)] = resolve(value);
  }
  return args;
}

/** Returns a copy of `value` with object keys sorted and `description` fields dropped. */
function compact(value) {
  if (Array.isArray(value)) return value.map(compact);
  if (value === null || typeof value !== 'object') return value;
  const out = {};
  for (const key of Object.keys(value).sort()) {
    // `description` is documentation; everything else (types, enums, CEL rules) is kept
    if (key === 'description' && typeof value[key] === 'string') continue;
    out[key] = compact(value[key]);
  }
  return out;
}

/** Serializes a map with one entry per line, so a change to one kind is a one-line diff. */
function entriesJson(map) {
  const keys = Object.keys(map).sort();
  if (keys.length === 0) return '{}';
  return `{\n${keys.map((k) => `    ${JSON.stringify(k)}: ${JSON.stringify(map[k])}`).join(',\n')}\n  }`;
}

/**
 * One schema per CRD: the `v1` version when it is served, else the first served version. The other
 * served versions point at it when their schema is identical (as they are in Istio 1.30) and get an
 * entry of their own otherwise.
 */
function schemasOf(crds) {
  const schemas = {};
  const aliases = {};
  for (const crd of crds) {
    const { group, names, versions } = crd.spec;
    const served = versions.filter((v) => v.served && v.schema?.openAPIV3Schema);
    if (served.length === 0) continue;
    const primary = served.find((v) => v.name === 'v1') ?? served[0];
    const primaryKey = `${group}/${primary.name}/${names.kind}`;
    const primarySchema = compact(primary.schema.openAPIV3Schema);
    schemas[primaryKey] = primarySchema;
    const primaryJson = JSON.stringify(primarySchema);
    for (const v of served) {
      if (v === primary) continue;
      const key = `${group}/${v.name}/${names.kind}`;
      const schema = compact(v.schema.openAPIV3Schema);
      if (JSON.stringify(schema) === primaryJson) aliases[key] = primaryKey;
      else schemas[key] = schema;
    }
  }
  return { schemas, aliases };
}

// ---------------------------------------------------------------------------------------------
// strict validators: what the API server checks, in a form ajv can compile

const INT32 = { minimum: -2147483648, maximum: 2147483647 };
const BASE64 = '^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$';

/** The Kubernetes ObjectMeta fields a manifest may carry (strict field validation rejects others). */
const OBJECT_META = {
  type: 'object',
  additionalProperties: false,
  required: ['name'],
  properties: {
    annotations: { type: 'object', additionalProperties: { type: 'string' } },
    creationTimestamp: { type: 'string', nullable: true },
    deletionGracePeriodSeconds: { type: 'integer' },
    deletionTimestamp: { type: 'string', nullable: true },
    finalizers: { type: 'array', items: { type: 'string' } },
    generateName: { type: 'string' },
    generation: { type: 'integer' },
    labels: { type: 'object', additionalProperties: { type: 'string' } },
    managedFields: { type: 'array', items: { type: 'object' } },
    name: { type: 'string' },
    namespace: { type: 'string' },
    ownerReferences: { type: 'array', items: { type: 'object' } },
    resourceVersion: { type: 'string' },
    selfLink: { type: 'string' },
    uid: { type: 'string' },
  },
};

/**
 * The root: the CRD's `spec` plus the fields every object has. `status` is left open: the API
 * server resets it on create and update (the Istio CRDs have a status subresource).
 */
function strictRoot(schema) {
  const root = strict(schema, false);
  return {
    ...root,
    additionalProperties: false,
    properties: { ...root.properties, apiVersion: { type: 'string' }, kind: { type: 'string' }, metadata: OBJECT_META, status: {} },
    required: [...new Set(['apiVersion', 'kind', 'metadata', ...(root.required ?? [])])],
    type: 'object',
  };
}

/**
 * Rewrites a structural schema into what ajv should check, as the API server does:
 * - unknown fields are errors: `additionalProperties: false` on every object schema with
 *   `properties`, unless `x-kubernetes-preserve-unknown-fields` keeps them. Inside `oneOf`/`anyOf`/
 *   `allOf`/`not` branches (which in structural schemas only constrain, never declare) objects stay open;
 * - `x-kubernetes-int-or-string` accepts an integer or a string;
 * - formats: `int32` becomes a range, `byte` a base64 pattern; the others are not checked;
 * - `x-kubernetes-validations` (CEL) and list types are left out: lib/analysis/crd/validation-rules.ts
 *   and list-types.ts check them from istio-schemas.json.
 */
function strict(schema, inBranch) {
  if (schema === null || typeof schema !== 'object' || Array.isArray(schema)) return schema;
  const out = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key.startsWith('x-kubernetes-')) continue;
    switch (key) {
      case 'properties':
        out.properties = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, strict(v, false)]));
        break;
      case 'items':
      case 'additionalProperties':
        out[key] = strict(value, false);
        break;
      case 'not':
        out.not = strict(value, true);
        break;
      case 'oneOf':
      case 'anyOf':
      case 'allOf':
        out[key] = value.map((branch) => strict(branch, true));
        break;
      case 'format':
        if (value === 'int32') {
          out.minimum = Math.max(schema.minimum ?? INT32.minimum, INT32.minimum);
          out.maximum = Math.min(schema.maximum ?? INT32.maximum, INT32.maximum);
        } else if (value === 'byte') {
          out.pattern = BASE64;
        }
        break;
      case 'minimum':
      case 'maximum':
        if (schema.format !== 'int32') out[key] = value;
        break;
      default:
        out[key] = value;
    }
  }
  if (schema['x-kubernetes-int-or-string'] && !schema.anyOf && !schema.type) {
    out.anyOf = [{ type: 'integer' }, { type: 'string' }];
  }
  const openEnded = schema['x-kubernetes-preserve-unknown-fields'] === true;
  if (!inBranch && schema.properties && !('additionalProperties' in schema) && !openEnded) {
    out.additionalProperties = false;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// the CEL rules and list types, with what typing their values needs

/** What typing a value for CEL and finding rules and list types needs of a schema node. */
const RULE_KEYWORDS = ['type', 'nullable', 'x-kubernetes-int-or-string', 'x-kubernetes-preserve-unknown-fields',
  'x-kubernetes-validations', 'x-kubernetes-list-type', 'x-kubernetes-list-map-keys'];

const isNode = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);

function pickRuleKeywords(schema) {
  const out = {};
  for (const key of RULE_KEYWORDS) if (key in schema) out[key] = schema[key];
  return out;
}

/** The whole subtree, typing keywords only: a rule's `self` is typed by all of it. */
function typedSchema(schema) {
  const out = pickRuleKeywords(schema);
  if (isNode(schema.properties)) out.properties = Object.fromEntries(Object.entries(schema.properties).map(([k, v]) => [k, typedSchema(v)]));
  for (const key of ['items', 'additionalProperties']) if (isNode(schema[key])) out[key] = typedSchema(schema[key]);
  if (Array.isArray(schema.allOf)) {
    const branches = schema.allOf.map(ruleSchema).filter(Boolean);
    if (branches.length > 0) out.allOf = branches;
  }
  return out;
}

/**
 * The nodes that hold a CEL rule or a list type, or lead to one; under a rule, everything that
 * types its value. `undefined` when there is none.
 */
function ruleSchema(schema) {
  if (!isNode(schema)) return undefined;
  if (schema['x-kubernetes-validations']) return typedSchema(schema);
  const out = pickRuleKeywords(schema);
  let keep = 'x-kubernetes-list-type' in schema;
  if (isNode(schema.properties)) {
    const properties = {};
    for (const [name, sub] of Object.entries(schema.properties)) {
      const kept = ruleSchema(sub);
      if (kept) properties[name] = kept;
    }
    if (Object.keys(properties).length > 0) [out.properties, keep] = [properties, true];
  }
  for (const key of ['items', 'additionalProperties']) {
    const kept = ruleSchema(schema[key]);
    if (kept) [out[key], keep] = [kept, true];
  }
  if (Array.isArray(schema.allOf)) {
    const branches = schema.allOf.map(ruleSchema).filter(Boolean);
    if (branches.length > 0) [out.allOf, keep] = [branches, true];
  }
  return keep ? out : undefined;
}

/** The rule schemas of every kind that has a rule or a list type, as a TypeScript module. */
function rulesModule(schemas, aliases) {
  const kept = {};
  for (const key of Object.keys(schemas).sort()) {
    const schema = ruleSchema(schemas[key]);
    if (schema) kept[key] = schema;
  }
  const keptAliases = Object.fromEntries(Object.keys(aliases).sort().filter((k) => aliases[k] in kept).map((k) => [k, aliases[k]]));
  const json = JSON.stringify({ aliases: keptAliases, schemas: kept });
  return [
    `// generated by scripts/import.mjs from the Istio ${ISTIO_VERSION} CRDs; do not edit.`,
    '// The CRD schemas cut down to their CEL rules and list types, with what types the values under',
    '// them (see scripts/import.mjs `ruleSchema`); a JSON string, which loads faster than a literal.',
    '/* eslint-disable */',
    '',
    '/** Rule schemas by `apiVersion/kind` (`schemas`), and the served versions that share one (`aliases`). */',
    'export const crdRuleSchemas: { readonly aliases: { readonly [apiVersionKind: string]: string }; readonly schemas: { readonly [apiVersionKind: string]: any } } =',
    `  JSON.parse(${JSON.stringify(json)});`,
    '',
  ].join('\n');
}

/** ajv's counterpart of Kubernetes' string length (code points, not UTF-16 units), inlined so the output needs no ajv at run time. */
const UCS2LENGTH = 'function ucs2length(s) { let n = 0; for (const _ of s) n++; return n; }';

/** Standalone validators for `schemas` (already keyed by `apiVersion/kind`), as one TypeScript module. */
function validatorsModule(schemas, aliases) {
  const ajv = new Ajv({ allErrors: true, strict: false, validateSchema: false, logger: false, code: { source: true, esm: true, lines: true } });
  const keys = Object.keys(schemas).sort();
  const names = {};
  keys.forEach((key, i) => {
    names[`v${i}`] = key;
    ajv.addSchema(strictRoot(schemas[key]), key);
  });
  let code = standaloneCode(ajv, names).replace(/^"use strict";/, "");
  const runtime = /const (func\d+) = require\("ajv\/dist\/runtime\/ucs2length"\)\.default;/g;
  code = code.replace(runtime, (_, name) => `const ${name} = ucs2length;`);
  // only the `validators` map below is exported
  code = code.replace(/^export const (v\d+) = /gm, 'const $1 = ');
  // give each validator its root schema (lib/analysis/schema.ts reads it for messages), reusing
  // the constant ajv emits right after it when it is that schema, else a copy
  const attach = keys.map((key, i) => {
    const root = JSON.stringify(ajv.getSchema(key).schema);
    const m = code.match(new RegExp(`^const v${i} = validate\\d+;\\nconst (schema\\d+) = (.*);$`, 'm'));
    return `v${i}.schema = ${m && m[2] === root ? m[1] : root};`;
  });
  const leftover = code.match(/require\([^)]*\)|from "[^"]*"/);
  if (leftover) throw new Error(`ajv standalone code needs ${leftover[0]} at run time; inline it in scripts/import.mjs`);
  return [
    `// generated by scripts/import.mjs from the Istio ${ISTIO_VERSION} CRDs; do not edit.`,
    '// ajv standalone validators of the CRD schemas, made strict (see scripts/import.mjs `strict`).',
    '/* eslint-disable */',
    '// @ts-nocheck',
    UCS2LENGTH,
    code.trim(),
    ...attach,
    '',
    '/** Validators by `apiVersion/kind` (every served version). */',
    'export const validators: { readonly [apiVersionKind: string]: IstioValidator } = {',
    ...keys.map((key, i) => `  ${JSON.stringify(key)}: v${i},`),
    ...Object.keys(aliases).sort().map((key) => `  ${JSON.stringify(key)}: v${keys.indexOf(aliases[key])},`),
    '};',
    '',
    '/** A compiled validator: returns whether `data` is valid and leaves ajv errors on `errors`. */',
    'export interface IstioValidator {',
    '  (data: unknown): boolean;',
    '  errors?: Array<{ instancePath: string; schemaPath: string; keyword: string; params: any; message?: string }> | null;',
    '  readonly schema: any;',
    '}',
    '',
  ].join('\n');
}

function readCrds(source) {
  const docs = parseAllDocuments(readFileSync(source, 'utf8'));
  const crds = [];
  for (const doc of docs) {
    if (doc.errors.length > 0) throw new Error(`${source}: ${doc.errors[0].message}`);
    const obj = doc.toJS();
    if (obj && obj.kind === 'CustomResourceDefinition') crds.push(obj);
  }
  if (crds.length === 0) throw new Error(`${source}: no CustomResourceDefinition found`);
  return crds;
}

function runCdk8sImport(source, output) {
  const cli = join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'cdk8s.cmd' : 'cdk8s');
  if (!existsSync(cli)) {
    throw new Error(`the cdk8s CLI is not installed at ${cli}; run 'npm ci' first`);
  }
  // `cdk8s import <file>` appends the file to the cdk8s.yaml of its working directory (and drops
  // its comments); ours must keep recording the upstream URL, so the CLI runs in a scratch folder
  const scratch = mkdtempSync(join(tmpdir(), 'cdk8s-istio-import-'));
  let result;
  try {
    result = spawnSync(cli, ['import', resolve(source), '--language', 'typescript', '--output', resolve(output)], {
      cwd: scratch,
      env: { ...process.env, CDK8S_CHECK_UPGRADE: 'false' },
      encoding: 'utf8',
    });
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  if (result.error) throw result.error;
  if (result.status !== 0) {
    throw new Error(`cdk8s import failed (exit ${result.status}):\n${result.stdout}${result.stderr}`);
  }
}

function main() {
  const { output, source } = parseArgs(process.argv.slice(2));
  if (!existsSync(source)) {
    console.error(`import: CRD file not found: ${source}`);
    console.error(`  It is the Istio ${ISTIO_VERSION} CRD bundle from ${UPSTREAM_URL},`);
    console.error('  expected in ../shared next to the repository (or pass --source FILE).');
    process.exit(1);
  }
  mkdirSync(output, { recursive: true });
  runCdk8sImport(source, output);

  const { schemas, aliases } = schemasOf(readCrds(source));
  const json = [
    '{',
    `  "$comment": ${JSON.stringify(`generated by scripts/import.mjs from the Istio ${ISTIO_VERSION} CRDs (${UPSTREAM_URL}); do not edit`)},`,
    `  "aliases": ${entriesJson(aliases)},`,
    `  "schemas": ${entriesJson(schemas)}`,
    '}',
    '',
  ].join('\n');
  writeFileSync(join(output, SCHEMA_FILE), json);
  writeFileSync(join(output, VALIDATORS_FILE), validatorsModule(schemas, aliases));
  writeFileSync(join(output, RULES_FILE), rulesModule(schemas, aliases));
  console.log(`imported ${Object.keys(schemas).length} schemas (+${Object.keys(aliases).length} aliases) into ${output}`);
}

try {
  main();
} catch (e) {
  console.error(`import: ${e instanceof Error ? e.message : e}`);
  process.exit(1);
}
