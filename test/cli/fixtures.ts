/**
 * Manifest folders for the command-line tests, written to a fresh temporary folder, and a runner
 * that calls the command in-process with captured output.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { main } from '../../lib/cli/main';

/** What one run of the command printed and returned. */
export interface CommandRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `cdk8s-istio <argv>` in-process, with `stdin` as standard input. */
export function runCli(argv: string[], stdin = ''): CommandRun {
  let stdout = '';
  let stderr = '';
  const code = main(argv, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), stdin: () => stdin });
  return { code, stdout, stderr };
}

/** Writes `files` (relative path → content) under a new temporary folder; returns the folder. */
export function writeTree(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-istio-cli-'));
  for (const [file, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), content);
  }
  return dir;
}

/** A Service, its DestinationRule (subset v1) and the Deployment of v1, in namespace shop. */
export const REVIEWS = `apiVersion: v1
kind: Service
metadata:
  name: reviews
  namespace: shop
spec:
  selector: { app: reviews }
  ports:
  - name: http
    port: 9080
---
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata:
  name: reviews
  namespace: shop
spec:
  host: reviews
  subsets:
  - name: v1
    labels: { version: v1 }
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: reviews-v1
  namespace: shop
spec:
  selector: { matchLabels: { app: reviews, version: v1 } }
  template:
    metadata: { labels: { app: reviews, version: v1 } }
    spec: { containers: [{ name: reviews, image: 'docker.io/istio/examples-bookinfo-reviews-v1:1.20.3' }] }
`;

/** A VirtualService for reviews whose route is `route` (indented for `http[0]`). */
export function reviewsRoutes(route: string): string {
  return `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: reviews
  namespace: shop
spec:
  hosts:
  - reviews
  http:
${route}`;
}

/** A route to subset v4 (line 13 of {@link reviewsRoutes}), which the DestinationRule lacks, and a misspelt `timout` (line 14). */
export const BROKEN_ROUTE = `  - route:
    - destination:
        host: reviews
        subset: v4
    timout: 5s
`;

let sarifValidator: ((log: unknown) => boolean) & { errors?: unknown } | undefined;

/**
 * Validates a SARIF log against the SARIF 2.1.0 JSON schema (the OASIS schema as the npm package
 * @microsoft/jest-sarif ships it, never downloaded); returns the schema errors, `[]` when valid.
 */
export function sarifSchemaErrors(log: unknown): string[] {
  if (!sarifValidator) {
    const { $schema: _draft, id: _id, ...schema } = require('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
    // a draft-04 schema: ajv 8 reads it without its meta-schema; one of its patterns is not a
    // valid unicode regex, so patterns are compiled without the u flag
    const ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false, unicodeRegExp: false });
    addFormats(ajv);
    sarifValidator = ajv.compile(schema);
  }
  if (sarifValidator(log)) return [];
  return ((sarifValidator.errors ?? []) as Array<{ instancePath: string; message?: string }>).map((e) => `${e.instancePath} ${e.message}`);
}
