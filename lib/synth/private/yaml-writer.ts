import { Yaml } from 'cdk8s';
import * as YAML from 'yaml';

/**
 * `Yaml.stringify(...docs)` of cdk8s, byte for byte, about ten times faster.
 *
 * cdk8s writes every document with the `yaml` package (YAML 1.1 schema, `lineWidth: 0`,
 * `keepUndefined`). For the JSON that API objects render to, that output is a plain block
 * layout: this writer emits it directly, and asks the `yaml` package only about the few scalars
 * it cannot prove plain (each distinct one once). A document it is not sure about (a multi-line
 * string, an object that is not plain JSON, one object reachable twice, which `yaml` would write
 * as an anchor and alias) is written by `Yaml.stringify` itself, so the output never differs.
 */
export function stringifyDocuments(docs: readonly unknown[]): string {
  return docs.map(stringifyDocument).join('---\n');
}

/** One document as `Yaml.stringify(doc)` writes it. */
export function stringifyDocument(doc: unknown): string {
  if (doc === undefined) return '\n';
  if (isPlainObject(doc) && Object.keys(doc).length > 0) {
    const out: string[] = [];
    if (writeMap(doc, '', '', out, new Set())) return out.join('');
  }
  return Yaml.stringify(doc);
}

const YAML_OPTIONS = { keepUndefined: true, lineWidth: 0, version: '1.1' } as const;

// the implicit types of the YAML 1.1 schema: a plain scalar that reads as one of them must be quoted
const IMPLICIT_TYPES: RegExp[] = (new YAML.Document(null, { version: '1.1' }).schema.tags as Array<{ default?: boolean; tag: string; test?: RegExp }>)
  .filter((t) => t.default && t.tag !== 'tag:yaml.org,2002:str' && t.test instanceof RegExp)
  .map((t) => t.test!);
// what the `yaml` package never writes plain (its plainString), and what it always double-quotes
const NOT_PLAIN = /^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/;
// eslint-disable-next-line no-control-regex
const SPECIAL = /[\x00-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]|^(%|---|\.\.\.)/u;
const DOCUMENT_MARKER = /^(%|---|\.\.\.)/m;
const MAX_IMPLICIT_KEY = 1000;

const values = new Map<string, string | null>();
const keys = new Map<string, string | null>();

/** The scalar as a value (`key: <here>`, `- <here>`), or `null` when only the `yaml` package can write it (multi-line). */
function stringValue(s: string): string | null {
  let text = values.get(s);
  if (text === undefined) {
    text = isPlain(s) ? s : single(YAML.stringify({ a: s }, YAML_OPTIONS).slice(3, -1));
    values.set(s, text);
  }
  return text;
}

/** The scalar as a map key, or `null` when only the `yaml` package can write it. */
function keyText(s: string): string | null {
  let text = keys.get(s);
  if (text === undefined) {
    // a key that looks like a document marker is quoted or not depending on its depth
    text = s.length > MAX_IMPLICIT_KEY || DOCUMENT_MARKER.test(s) ? null : isPlain(s) ? s : single(YAML.stringify({ [s]: 1 }, YAML_OPTIONS).slice(0, -4));
    keys.set(s, text);
  }
  return text;
}

function isPlain(s: string): boolean {
  return s.length > 0 && !NOT_PLAIN.test(s) && !SPECIAL.test(s) && !IMPLICIT_TYPES.some((t) => t.test(s));
}

function single(text: string): string | null {
  return text.includes('\n') ? null : text;
}

function scalar(v: unknown): string | null {
  switch (typeof v) {
    case 'string': return stringValue(v);
    case 'number': return Number.isSafeInteger(v) && !Object.is(v, -0) ? String(v) : single(YAML.stringify({ a: v }, YAML_OPTIONS).slice(3, -1));
    case 'boolean': return v ? 'true' : 'false';
    case 'undefined': return 'null';
    default: return v === null ? 'null' : null;
  }
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return (proto === Object.prototype || proto === null) && typeof (v as any).toJSON !== 'function';
}

/**
 * Writes `value` after `key:` or `- ` on the current line: a scalar or an empty collection on
 * it, a collection on the next lines at `indent`. False when the `yaml` package must write it.
 */
function writeValue(value: unknown, indent: string, out: string[], seen: Set<object>): boolean {
  if (value !== null && typeof value === 'object') {
    if (seen.has(value)) return false; // `yaml` writes an anchor and an alias
    if ((Array.isArray(value) && value.length === 0) || (isPlainObject(value) && Object.keys(value).length === 0)) seen.add(value);
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return out.push(' []\n'), true;
    out.push('\n');
    return writeSeq(value, indent, indent, out, seen);
  }
  if (isPlainObject(value)) {
    if (Object.keys(value).length === 0) return out.push(' {}\n'), true;
    out.push('\n');
    return writeMap(value, indent, indent, out, seen);
  }
  if (value !== null && typeof value === 'object') return false;
  const text = scalar(value);
  if (text === null) return false;
  out.push(' ', text, '\n');
  return true;
}

/** A block map at `indent`, its first line starting with `first` (the indent, or `- ` of a sequence item). */
function writeMap(map: Record<string, unknown>, first: string, indent: string, out: string[], seen: Set<object>): boolean {
  if (seen.has(map)) return false; // `yaml` writes an anchor and an alias
  seen.add(map);
  let prefix = first;
  for (const k of Object.keys(map)) {
    const key = keyText(k);
    if (key === null) return false;
    out.push(prefix, key, ':');
    if (!writeValue(map[k], indent + '  ', out, seen)) return false;
    prefix = indent;
  }
  return true;
}

/** A block sequence at `indent` (items `- `), its first line starting with `first`. */
function writeSeq(seq: readonly unknown[], first: string, indent: string, out: string[], seen: Set<object>): boolean {
  if (seen.has(seq)) return false;
  seen.add(seq);
  let prefix = first;
  for (let i = 0; i < seq.length; i++) {
    if (!(i in seq)) return false; // a hole
    const item = seq[i];
    const itemIndent = indent + '  ';
    if (Array.isArray(item) && item.length > 0) {
      if (!writeSeq(item, prefix + '- ', itemIndent, out, seen)) return false;
    } else if (isPlainObject(item) && Object.keys(item).length > 0) {
      if (!writeMap(item, prefix + '- ', itemIndent, out, seen)) return false;
    } else {
      out.push(prefix, '-');
      if (!writeValue(item, itemIndent, out, seen)) return false;
    }
    prefix = indent;
  }
  return true;
}
