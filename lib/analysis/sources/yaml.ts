import * as fs from 'fs';
import * as path from 'path';
import { Document, isMap, isPair, isScalar, isSeq, LineCounter, Node, parseAllDocuments, Scalar, visit } from 'yaml';
import { RawFinding } from '../engine';
import { Severity, SourceLocation } from '../finding';
import { parseField } from '../manifest/read';
import { ManifestObject } from '../manifest-object';

/**
 * Options of {@link parseManifests} and {@link readManifests}.
 *
 * @see https://kubernetes.io/docs/reference/kubectl/generated/kubectl_apply/
 */
export interface ReadManifestsOptions {
  /**
   * The namespace of objects that name none (kubectl applies them to its current namespace).
   * @default 'default'
   */
  readonly defaultNamespace?: string;
  /**
   * Whether folders are read with their subfolders. `kubectl apply -f` and `istioctl analyze`
   * read only the files directly in a folder unless given `-R`.
   * @default true
   */
  readonly recursive?: boolean;
  /**
   * Reads standard input, for the path `-`.
   * @default - reads file descriptor 0
   */
  readonly stdin?: () => string;
}

/**
 * What reading YAML gave: the Kubernetes objects (with their file and line), the findings of
 * input that could not be read (CI0026), and notes about documents that are not Kubernetes
 * objects (skipped, not an error).
 *
 * @see https://kubernetes.io/docs/concepts/overview/working-with-objects/
 */
export interface ReadManifestsResult {
  /** The objects, in file order and document order (`kind: List` items expanded in place). */
  readonly objects: ManifestObject[];
  /** Findings about the input: unreadable files and documents that are not valid YAML. */
  readonly findings: RawFinding[];
  /** One line per skipped document, e.g. `notes.yaml:12: document 2 is not a Kubernetes object (no apiVersion and kind); skipped`. */
  readonly notes: string[];
  /** The files that were read, in order (`-` for standard input). */
  readonly files: string[];
}

/** The file extensions kubectl reads from a folder. */
const EXTENSIONS = new Set(['.yaml', '.yml', '.json']);

/**
 * Reads Kubernetes manifests from files, folders (recursively, `.yaml`, `.yml` and `.json`
 * files in name order) and `-` (standard input), the way `kubectl apply -f` reads them: YAML
 * 1.2, several documents per file, `kind: List` expanded. Never throws: a path that cannot be
 * read is a CI0026 finding.
 *
 * @example
 * const { objects, findings, notes } = readManifests(['dist/', 'extra.yaml']);
 * @see https://kubernetes.io/docs/reference/kubectl/generated/kubectl_apply/
 */
export function readManifests(paths: readonly string[], options: ReadManifestsOptions = {}): ReadManifestsResult {
  const objects: ManifestObject[] = [];
  const findings: RawFinding[] = [];
  const notes: string[] = [];
  const files: string[] = [];
  const add = (r: ReadManifestsResult) => {
    objects.push(...r.objects);
    findings.push(...r.findings);
    notes.push(...r.notes);
    files.push(...r.files);
  };
  for (const p of paths) {
    if (p === '-') {
      let text: string;
      try {
        text = (options.stdin ?? (() => fs.readFileSync(0, 'utf8')))();
      } catch (e) {
        findings.push(inputFinding({ file: '-', line: 1 }, `standard input cannot be read: ${(e as Error).message}`, 'pipe YAML into the command, or give files'));
        continue;
      }
      add(parseManifests(text, '-', options));
      continue;
    }
    let under: string[];
    try {
      under = fs.statSync(p).isDirectory() ? filesUnder(p, options.recursive ?? true) : [p];
    } catch (e) {
      findings.push(inputFinding({ file: p, line: 1 }, `cannot read ${p}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, 'give an existing file or folder'));
      continue;
    }
    for (const file of under) {
      let text: string;
      try {
        text = fs.readFileSync(file, 'utf8');
      } catch (e) {
        findings.push(inputFinding({ file, line: 1 }, `cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, 'check the file\'s permissions'));
        continue;
      }
      add(parseManifests(text, file, options));
    }
  }
  return { objects, findings, notes, files };
}

/**
 * Parses the YAML documents of one file (see {@link readManifests}). Each object knows its file
 * and line, and the line of any of its fields (`object.locate('spec.http[0].timeout')`).
 *
 * @param text the file's content
 * @param file the name findings use for it
 * @see https://yaml.org/spec/1.2.2/
 */
export function parseManifests(text: string, file: string, options: ReadManifestsOptions = {}): ReadManifestsResult {
  const objects: ManifestObject[] = [];
  const findings: RawFinding[] = [];
  const notes: string[] = [];
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, { version: '1.2', lineCounter, prettyErrors: true });
  const list = Array.isArray(docs) ? docs : [];
  const lineOf = (offset: number) => lineCounter.linePos(offset);
  list.forEach((doc, d) => {
    const start = lineOf(doc.contents?.range?.[0] ?? doc.range[0]);
    const docLocation: SourceLocation = { file, line: start.line, column: start.col };
    if (doc.errors.length > 0) {
      for (const e of doc.errors.slice(0, 1)) {
        const at = e.linePos?.[0] ?? start;
        findings.push(inputFinding({ file, line: at.line, column: at.col }, `document ${d + 1} is not valid YAML: ${e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}`,
          'fix the YAML syntax (kubectl would refuse the whole file)'));
      }
      return;
    }
    keepColonScalars(doc, text);
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: 1000 });
    } catch (e) {
      findings.push(inputFinding(docLocation, `document ${d + 1} cannot be read: ${(e as Error).message}`, 'fix the YAML (aliases, tags)'));
      return;
    }
    if (value === null || value === undefined) return; // an empty document, as kubectl
    const origin = (prefix: Array<string | number>) => ({
      location: locationOf(doc, prefix, file, lineOf) ?? docLocation,
      locate: (field: string) => locationOf(doc, [...prefix, ...parseField(field)], file, lineOf, true),
    });
    const isList = isK8sObject(value) && /List$/.test((value as any).kind) && Array.isArray((value as any).items);
    const items: Array<{ value: unknown; prefix: Array<string | number> }> = isList
      ? (value as any).items.map((item: unknown, i: number) => ({ value: item, prefix: ['items', i] }))
      : [{ value, prefix: [] }];
    for (const item of items) {
      const object = ManifestObject.of(item.value, { origin: origin(item.prefix), defaultNamespace: options.defaultNamespace });
      if (object) {
        objects.push(object);
      } else {
        const where = item.prefix.length > 0 ? `item ${item.prefix[1]} of document ${d + 1}` : `document ${d + 1}`;
        const at = locationOf(doc, item.prefix, file, lineOf) ?? docLocation;
        notes.push(`${file}:${at.line}: ${where} is not a Kubernetes object (no apiVersion and kind); skipped`);
      }
    }
  });
  return { objects, findings, notes, files: [file] };
}

/**
 * kubectl reads YAML with go-yaml, where a `:` ends a plain scalar only when a space or a line
 * break follows it. In a flow sequence, `[1.2.3.4, 2001:db8::]` is therefore two strings for
 * kubectl, while a strict YAML 1.2 parser reads the second item as the key `2001:db8:` of a one-pair
 * map. Such items (an implicit key ending in `:`, with no value, written without a space) become the
 * string that was written, as kubectl reads them.
 */
function keepColonScalars(doc: Document, text: string): void {
  visit(doc, {
    Seq(_key, seq) {
      if (!seq.flow) return;
      seq.items.forEach((item, i) => {
        if (!isMap(item) || item.items.length !== 1 || !item.range) return;
        const pair = item.items[0];
        const value = pair.value;
        if (!isScalar(pair.key) || (value !== null && !(isScalar(value) && value.value === null && value.source === ''))) return;
        const written = text.slice(item.range[0], item.range[1]).trim();
        if (!written.endsWith(':') || written.startsWith('{') || /\s/.test(written)) return;
        const scalar = new Scalar(written);
        scalar.range = item.range;
        seq.items[i] = scalar;
      });
    },
  });
}

function isK8sObject(value: unknown): boolean {
  return value !== null && typeof value === 'object' && typeof (value as any).kind === 'string' && typeof (value as any).apiVersion === 'string';
}

/** Every file with a manifest extension in `dir` (and its subfolders when `recursive`), in name order, depth first. */
function filesUnder(dir: string, recursive: boolean): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (recursive) out.push(...filesUnder(p, recursive));
    } else if (EXTENSIONS.has(path.extname(entry.name))) out.push(p);
  }
  return out;
}

/**
 * The location of the node at `segments` in `doc`: the line of the key that holds it (or of the
 * list item). When the node is missing and `closest` is set, the location of its nearest present
 * ancestor; else `undefined`.
 */
function locationOf(doc: Document, segments: ReadonlyArray<string | number>, file: string, lineOf: (offset: number) => { line: number; col: number },
  closest = false): SourceLocation | undefined {
  let node: Node | null | undefined = doc.contents as Node | null;
  let offset = node?.range?.[0];
  for (const segment of segments) {
    let next: { node: Node | null | undefined; offset: number | undefined } | undefined;
    if (isMap(node)) {
      const pair: unknown = node.items.find((p: unknown) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(segment));
      if (isPair(pair)) next = { node: pair.value as Node | null, offset: (pair.key as Node).range?.[0] };
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment] as Node | undefined;
      if (item) next = { node: item, offset: item.range?.[0] };
    }
    if (!next) return closest && offset !== undefined ? at(offset) : undefined;
    node = next.node;
    offset = next.offset ?? offset;
  }
  return offset !== undefined ? at(offset) : undefined;

  function at(o: number): SourceLocation {
    const pos = lineOf(o);
    return { file, line: pos.line, column: pos.col };
  }
}

function inputFinding(location: SourceLocation, message: string, fix: string): RawFinding {
  return {
    finding: {
      code: 'CI0026',
      path: location.file,
      field: '(input)',
      message,
      fix,
      severity: Severity.ERROR,
      location,
    },
  };
}
