/**
 * The CEL validation rules (`x-kubernetes-validations`) of the Istio 1.30.3 CRDs, evaluated on a
 * manifest the way the Kubernetes API server evaluates them on create
 * (k8s.io/apiextensions-apiserver/pkg/apiserver/schema/cel/validation.go):
 * - a rule applies at the schema node that declares it, to every value present there: under each
 *   item of an array and each entry of an `additionalProperties` map too, never to an absent or
 *   null value (`allOf` branches add their rules to the node they constrain);
 * - `self` is the value typed by the schema (see `private/cel-values.ts`);
 * - a rule passes only when it evaluates to `true`; an evaluation error (`no such key`, a failed
 *   `int()`, an index out of range) is a failure, reported with the error;
 * - the message is the rule's `messageExpression` when that evaluates to a non-empty one-line
 *   string, else its `message`, else `failed rule: <rule>`; a failure is reported at the rule's
 *   `fieldPath` when it has one;
 * - transition rules (those that read `oldSelf`) are skipped: the API server runs them only on
 *   update, against the stored object (with `optionalOldSelf` also on create, with `oldSelf`
 *   unset; no Istio rule reads `oldSelf`);
 * - `status` is skipped: the API server resets it on create (the Istio CRDs have a status
 *   subresource).
 * Unlike the API server, rules still run when other parts of the object fail the schema: a rule
 * whose value itself has the wrong type is skipped (CI0016 reports that), every other rule runs,
 * so that one synth reports every problem.
 *
 * The walk is linear in the size of the object: it follows only the schema nodes that hold a rule
 * or lead to one, and converts each object or array to its CEL value once.
 */
import { keyField } from '../manifest/read';
import { compileCel } from './private/cel';
import { CelValueCache, ILL_TYPED, toCelValue } from './private/cel-values';
import { crdSchema, isSchema, SchemaNode } from './private/crd-schemas';

/**
 * One `x-kubernetes-validations` entry of a CRD.
 *
 * @see https://kubernetes.io/docs/tasks/extend-kubernetes/custom-resources/custom-resource-definitions/#validation-rules
 */
export interface CrdRule {
  /** The CEL expression; `self` is the value at the rule's node. */
  readonly rule: string;
  /**
   * The message when the rule fails.
   * @default - `failed rule: <rule>`
   */
  readonly message?: string;
  /**
   * A CEL expression giving the message.
   * @default - the message
   */
  readonly messageExpression?: string;
  /**
   * Where a failure is reported, relative to the rule's node (`.spec.ports`, `['key']`).
   * @default - the rule's node
   */
  readonly fieldPath?: string;
  /**
   * The kind of error a failure is (`FieldValueInvalid`, `FieldValueForbidden`, ...).
   * @default FieldValueInvalid
   */
  readonly reason?: string;
}

/**
 * What happened to one rule at one value.
 *
 * @see https://kubernetes.io/docs/tasks/extend-kubernetes/custom-resources/custom-resource-definitions/#validation-rules
 */
export interface RuleOutcome {
  /**
   * `failed`: the rule evaluated to something other than `true`; `error`: its evaluation failed
   * (the API server reports it as a failure too); `uncompiled`: this library could not compile
   * the rule (a gap in cdk8s-istio, not a problem of the manifest).
   */
  readonly outcome: 'failed' | 'error' | 'uncompiled';
  /** The field the API server reports: the rule's node, or its `fieldPath` for failures. */
  readonly field: string;
  /** The value at that field. */
  readonly value: unknown;
  /** The rule. */
  readonly rule: CrdRule;
  /** The message the API server gives: the evaluated `messageExpression`, the `message`, or `failed rule: <rule>`. */
  readonly message: string;
  /**
   * The evaluation or compilation error.
   * @default - none (the rule evaluated to false)
   */
  readonly error?: string;
}

/**
 * Evaluates every CEL validation rule of the CRD of `manifest`'s `apiVersion` and `kind` on it,
 * and returns the rules that do not pass. Manifests of kinds the Istio CRDs do not serve give none.
 * Never throws.
 *
 * @param manifest a rendered object, as `ApiObject.toJson()` or a parsed YAML document gives it
 * @see https://kubernetes.io/docs/tasks/extend-kubernetes/custom-resources/custom-resource-definitions/#validation-rules
 */
export function validationRuleOutcomes(manifest: unknown): RuleOutcome[] {
  if (manifest === null || typeof manifest !== 'object' || Array.isArray(manifest)) return [];
  const { apiVersion, kind } = manifest as Record<string, unknown>;
  if (typeof apiVersion !== 'string' || typeof kind !== 'string') return [];
  const schema = crdSchema(apiVersion, kind);
  return schema ? schemaRuleOutcomes(schema, manifest) : [];
}

/**
 * Like {@link validationRuleOutcomes}, with the CRD version's `openAPIV3Schema` given instead of
 * looked up: the rules of any structural schema, evaluated on `manifest`. Never throws.
 *
 * @param schema the `openAPIV3Schema` of a CRD version
 * @param manifest an object of that kind and version
 * @see https://kubernetes.io/docs/tasks/extend-kubernetes/custom-resources/custom-resource-definitions/#validation-rules
 */
export function schemaRuleOutcomes(schema: { readonly [keyword: string]: any }, manifest: unknown): RuleOutcome[] {
  const root = ruleTree(schema);
  if (!root || manifest === null || typeof manifest !== 'object' || Array.isArray(manifest)) return [];
  const out: RuleOutcome[] = [];
  walk(root, manifest, '', { out, cache: new Map() }, true);
  return out;
}

// ---------------------------------------------------------------------------------------------
// the rule tree: the schema nodes that hold a rule or lead to one

interface RuleNode {
  /** The structural schema of the node, which types its values. */
  readonly schema: SchemaNode;
  readonly rules: CrdRule[];
  readonly properties: Map<string, RuleNode>;
  items?: RuleNode;
  additionalProperties?: RuleNode;
}

const trees = new WeakMap<SchemaNode, RuleNode | null>();

/** The rule tree of a CRD version's root schema (cached), or `undefined` when it has no rule. */
function ruleTree(root: SchemaNode): RuleNode | undefined {
  let tree = trees.get(root);
  if (tree === undefined) {
    // the root's `self` also holds apiVersion, kind and metadata.name/generateName
    const rootSchema = {
      ...root,
      properties: {
        ...root.properties,
        apiVersion: { type: 'string' },
        kind: { type: 'string' },
        metadata: { type: 'object', properties: { name: { type: 'string' }, generateName: { type: 'string' } } },
      },
    };
    tree = build(root, rootSchema) ?? null;
    trees.set(root, tree);
  }
  return tree ?? undefined;
}

/**
 * The rule node for the rules declared by `validation` on values typed by `node` (the same schema,
 * except in `allOf` branches, which only constrain the node they are in).
 */
function build(validation: SchemaNode, node: SchemaNode): RuleNode | undefined {
  const result: RuleNode = { schema: node, rules: [...asRules(validation['x-kubernetes-validations'])], properties: new Map() };
  for (const [name, sub] of Object.entries<SchemaNode>(validation.properties ?? {})) {
    const typed = node.properties?.[name];
    const child = typed && build(sub, typed);
    if (child) result.properties.set(name, child);
  }
  if (isSchema(validation.items) && isSchema(node.items)) result.items = build(validation.items, node.items);
  if (isSchema(validation.additionalProperties) && isSchema(node.additionalProperties)) {
    result.additionalProperties = build(validation.additionalProperties, node.additionalProperties);
  }
  for (const branch of Array.isArray(validation.allOf) ? validation.allOf : []) {
    const other = build(branch, node);
    if (other) merge(result, other);
  }
  const empty = result.rules.length === 0 && result.properties.size === 0 && !result.items && !result.additionalProperties;
  return empty ? undefined : result;
}

function merge(into: RuleNode, from: RuleNode): void {
  into.rules.push(...from.rules);
  for (const [name, child] of from.properties) {
    const existing = into.properties.get(name);
    if (existing) merge(existing, child);
    else into.properties.set(name, child);
  }
  if (from.items) {
    if (into.items) merge(into.items, from.items);
    else into.items = from.items;
  }
  if (from.additionalProperties) {
    if (into.additionalProperties) merge(into.additionalProperties, from.additionalProperties);
    else into.additionalProperties = from.additionalProperties;
  }
}

function asRules(value: unknown): CrdRule[] {
  return Array.isArray(value) ? value.filter((r): r is CrdRule => isSchema(r) && typeof r.rule === 'string') : [];
}

// ---------------------------------------------------------------------------------------------
// the walk

interface WalkContext {
  readonly out: RuleOutcome[];
  readonly cache: CelValueCache;
}

function walk(node: RuleNode, value: unknown, field: string, context: WalkContext, atRoot = false): void {
  if (value === null || value === undefined) return;
  for (const rule of node.rules) evaluate(rule, node.schema, value, field, context);
  if (Array.isArray(value)) {
    if (node.items) value.forEach((item, i) => walk(node.items!, item, `${field}[${i}]`, context));
    return;
  }
  if (typeof value !== 'object') return;
  const record = value as Record<string, unknown>;
  for (const [name, child] of node.properties) {
    if (atRoot && name === 'status') continue;
    if (Object.prototype.hasOwnProperty.call(record, name)) walk(child, record[name], keyField(field, name), context);
  }
  if (node.additionalProperties) {
    for (const [key, item] of Object.entries(record)) walk(node.additionalProperties, item, keyField(field, key), context);
  }
}

function evaluate(rule: CrdRule, schema: SchemaNode, value: unknown, field: string, context: WalkContext): void {
  const message = ruleMessage(rule);
  const program = compileCel(rule.rule);
  if (program instanceof Error) {
    context.out.push({ outcome: 'uncompiled', field, value, rule, message, error: program.message });
    return;
  }
  // transition rules compare with the stored object: the API server runs them on update only
  if (program.usesOldSelf) return;
  let self: unknown;
  try {
    self = toCelValue(value, schema, context.cache);
  } catch (e) {
    if (e === ILL_TYPED) return; // the schema check reports the value
    throw e;
  }
  let result: unknown;
  try {
    result = program.run(self);
  } catch (e) {
    context.out.push({ outcome: 'error', field, value, rule, message, error: errorText(e) });
    return;
  }
  if (result === true) return;
  const at = rule.fieldPath ? fieldPathTarget(field, value, rule.fieldPath) : { field, value };
  context.out.push({ outcome: 'failed', ...at, rule, message: evaluatedMessage(rule, self) ?? message });
}

function ruleMessage(rule: CrdRule): string {
  const message = typeof rule.message === 'string' ? rule.message.trim() : '';
  return message || `failed rule: ${rule.rule.trim()}`;
}

/** The rule's `messageExpression` result, when it gives a non-empty one-line string. */
function evaluatedMessage(rule: CrdRule, self: unknown): string | undefined {
  if (typeof rule.messageExpression !== 'string') return undefined;
  const program = compileCel(rule.messageExpression);
  if (program instanceof Error || program.usesOldSelf) return undefined;
  try {
    const text = program.run(self);
    if (typeof text !== 'string') return undefined;
    const trimmed = text.trim();
    return trimmed && !trimmed.includes('\n') && trimmed.length <= 5120 ? trimmed : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The field and value a rule's `fieldPath` names below its node: `.a.b` and `['key']` segments
 * (the only ones the API server allows).
 */
function fieldPathTarget(field: string, value: unknown, fieldPath: string): { field: string; value: unknown } {
  let at = field;
  let node: unknown = value;
  const re = /\.([^.[\]]+)|\['((?:[^'\\]|\\.)*)'\]/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(fieldPath)) !== null) {
    const key = m[1] ?? m[2].replace(/\\(.)/g, '$1');
    at = keyField(at, key);
    node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined;
  }
  return { field: at, value: node };
}

function errorText(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  return text.split('\n')[0];
}
