/**
 * Reads istioctl's analyzer test table (`analyzers_test.go`) and message catalog
 * (`msg/messages.yaml`) from `../shared` at test time: the cases, their input files, the analyzer
 * and the expected messages (`{msg.X, "Kind namespace/name"}`), and each message's IST code and level.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as YAML from 'yaml';
import { ISTIO_DIR } from './shared';

/** The analyzers folder of Istio's conformance data. */
export const ANALYZERS_DIR = path.join(ISTIO_DIR, 'conformance', 'pkg', 'config', 'analysis', 'analyzers');
/** The message catalog. */
export const MESSAGES_FILE = path.join(ISTIO_DIR, 'conformance', 'pkg', 'config', 'analysis', 'msg', 'messages.yaml');

/** One expected istioctl message: its type (`VirtualServiceUnreachableRule`) and the object (`VirtualService ns/name`). */
export interface ExpectedMessage {
  readonly type: string;
  readonly origin: string;
}

/** One case of istioctl's analyzer test table. */
export interface AnalyzerCase {
  readonly name: string;
  /** Input files, relative to the analyzers folder (`testdata/...`). */
  readonly inputFiles: readonly string[];
  readonly meshConfigFile?: string;
  readonly meshNetworksFile?: string;
  /** The analyzer, as written: `virtualservice.GatewayAnalyzer` or `schemaValidation.CollectionValidationAnalyzer(collections.VirtualService)`. */
  readonly analyzer: string;
  readonly expected: readonly ExpectedMessage[];
  readonly skipAll: boolean;
}

/** An istioctl message type. */
export interface MessageType {
  readonly name: string;
  readonly code: string;
  readonly level: 'Error' | 'Warning' | 'Info';
}

/** The cases of `analyzers_test.go`, in order. */
export function readAnalyzerCases(): AnalyzerCase[] {
  const source = fs.readFileSync(path.join(ANALYZERS_DIR, 'analyzers_test.go'), 'utf8');
  const start = source.indexOf('var testGrid = []testCase{');
  if (start < 0) throw new Error('analyzers_test.go: testGrid not found');
  const body = source.slice(start, matchingBrace(source, source.indexOf('{', start)));
  const cases: AnalyzerCase[] = [];
  // each case is a `{ ... }` block at depth 1 of the grid
  let depth = 0;
  let caseStart = -1;
  for (let i = body.indexOf('{'); i < body.length; i++) {
    const c = body[i];
    if (c === '"' || c === '`') {
      i = skipString(body, i);
      continue;
    }
    if (c === '{') {
      depth++;
      if (depth === 2) caseStart = i;
    } else if (c === '}') {
      if (depth === 2 && caseStart >= 0) cases.push(parseCase(body.slice(caseStart, i + 1)));
      depth--;
    }
  }
  return cases;
}

/** istioctl's message types by name. */
export function readMessageTypes(): Map<string, MessageType> {
  const doc = YAML.parse(fs.readFileSync(MESSAGES_FILE, 'utf8'));
  return new Map((doc.messages as any[]).map((m) => [m.name, { name: m.name, code: m.code, level: m.level }]));
}

function parseCase(block: string): AnalyzerCase {
  const str = (field: string) => new RegExp(`\\b${field}:\\s*"([^"]*)"`).exec(block)?.[1];
  const files = /inputFiles:\s*\[\]string\{([^}]*)\}/s.exec(block)?.[1] ?? '';
  const analyzer = /analyzer:\s*(?:&)?([A-Za-z0-9_.]+(?:\([^)]*\))?)/.exec(block)?.[1] ?? '';
  const expectedBlock = /expected:\s*\[\]message\{(.*)\}\s*,?\s*(?:skipAll|\}\s*$)/s.exec(block)?.[1] ?? '';
  const expected = [...expectedBlock.matchAll(/\{\s*msg\.(\w+)\s*,\s*"([^"]*)"\s*\}/g)].map((m) => ({ type: m[1], origin: m[2] }));
  return {
    name: str('name') ?? '',
    inputFiles: [...files.matchAll(/"([^"]+)"/g)].map((m) => m[1]),
    meshConfigFile: str('meshConfigFile'),
    meshNetworksFile: str('meshNetworksFile'),
    analyzer: analyzer.replace(/\{\}$/, ''),
    expected,
    skipAll: /skipAll:\s*true/.test(block),
  };
}

function matchingBrace(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === '"' || c === '`') {
      i = skipString(text, i);
      continue;
    }
    if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i + 1;
  }
  return text.length;
}

function skipString(text: string, i: number): number {
  const quote = text[i];
  for (let j = i + 1; j < text.length; j++) {
    if (quote === '"' && text[j] === '\\') {
      j++;
      continue;
    }
    if (text[j] === quote) return j;
  }
  return text.length;
}
