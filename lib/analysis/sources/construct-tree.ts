import { ApiObject, App, Chart, JsonPatch } from 'cdk8s';
import { IConstruct } from 'constructs';
import { checkInfo } from '../registry';
import { RawFinding } from '../engine';
import { Finding, formatValue, Problem, Severity } from '../finding';
import { expandList } from '../manifest/list';
import { ManifestObject } from '../manifest-object';
import { Suppressions } from '../suppressions';
import { constructProblems } from './construct-hooks';
import { topology } from './topology';

/**
 * The objects of one chart, rendered once, and what could not be rendered or failed a
 * construct's own validation.
 *
 * @see https://cdk8s.io/docs/latest/basics/chart/
 */
export interface RenderedChart {
  /** The chart. */
  readonly chart: Chart;
  /** Its objects in the order cdk8s writes them, each rendered once (`ApiObject.toJson()`). */
  readonly objects: ManifestObject[];
  /**
   * Construct-level findings: objects that could not be rendered (CI0020), and constructs whose
   * own validation failed (CI0019).
   */
  readonly findings: RawFinding[];
  /**
   * Each API object of the chart in the order cdk8s writes them, with the JSON it rendered to
   * (`ApiObject.toJson()`, the very object the checks read): what `Chart.toJson()` returns, so
   * that an app is written without rendering it again. `manifest` is left out for an object that
   * could not be rendered as it is.
   */
  readonly apiObjects: ReadonlyArray<{ readonly apiObject: ApiObject; readonly manifest?: any }>;
}

/**
 * Renders every chart of an app (or the charts under any construct) for the checks: each API
 * object once, each failure to render a finding on the construct that failed, never a throw.
 *
 * An object is reported on the construct users wrote: an `ApiObject` with id `Resource` whose
 * parent is not a Chart is the single child of an L2 or cdk8s-plus construct, so the parent's
 * path is used; any other `ApiObject` (an L1 class, a plain `ApiObject`, an `Include`d document)
 * keeps its own. The suppressions of the construct and all its ancestors travel with it.
 *
 * @example
 * const charts = renderCharts(app);
 * const report = runChecks(charts.flatMap((c) => c.objects));
 * @see https://cdk8s.io/docs/latest/basics/chart/
 */
export function renderCharts(scope: IConstruct): RenderedChart[] {
  const charts = scope.node.findAll().filter((c): c is Chart => Chart.isChart(c));
  return charts.map((chart) => renderChart(chart));
}

/**
 * Renders the API objects of one chart (not of charts nested in it); see {@link renderCharts}.
 *
 * @see https://cdk8s.io/docs/latest/basics/chart/
 */
export function renderChart(chart: Chart): RenderedChart {
  const objects: ManifestObject[] = [];
  const byPath = new Map<string, ManifestObject>();
  const findings: RawFinding[] = [];
  const apiObjects: Array<{ apiObject: ApiObject; manifest?: any }> = [];
  // the order of cdk8s's chartToKube: the chart's dependency topology, objects of nested charts left out
  const ordered = topology(chart).filter((c): c is ApiObject => ApiObject.isApiObject(c) && Chart.of(c) === chart);
  for (const apiObject of ordered) {
    const rendered = renderApiObject(apiObject);
    findings.push(...rendered.findings);
    apiObjects.push(rendered.findings.length === 0 && rendered.object ? { apiObject, manifest: rendered.object.manifest } : { apiObject });
    if (rendered.object) {
      // a `kind: List` (an Included file, say) is checked as its items, as kubectl applies it
      objects.push(...expandList(rendered.object));
      byPath.set(rendered.object.path, rendered.object);
    }
  }
  // constructs' own validations: the L2s' per-construct problems, cdk8s-plus validations
  for (const c of chart.node.findAll()) {
    if (Chart.of(c) !== chart || ApiObject.isApiObject(c) || c instanceof App) continue;
    findings.push(...constructFindings(c, byPath.get(c.node.path)));
  }
  return { chart, objects, findings, apiObjects };
}

/**
 * Renders one API object (see {@link renderCharts}): the object, reported on its owner, and the
 * finding that says why it could not be rendered, if it could not.
 *
 * @see https://cdk8s.io/docs/latest/basics/escape-hatches/
 */
export function renderApiObject(apiObject: ApiObject): { readonly object?: ManifestObject; readonly findings: RawFinding[] } {
  const owner = ownerOf(apiObject);
  const rendered = renderObject(apiObject);
  const object = rendered.manifest
    ? ManifestObject.of(rendered.manifest, { origin: { constructPath: owner.node.path }, suppressions: Suppressions.of(apiObject) })
    : undefined;
  return { object, findings: rendered.problem ? [construct(owner.node.path, rendered.problem, object)] : [] };
}

/**
 * The findings of a construct's own validation: the problems an L2 construct knows about itself
 * (`CONSTRUCT_PROBLEMS`), else its cdk8s validations (`node.validate()`, as CI0019).
 *
 * @see https://cdk8s.io/docs/latest/basics/constructs/
 */
export function constructFindings(c: IConstruct, object?: ManifestObject): RawFinding[] {
  const own = constructProblems(c);
  if (own) return own.map((p) => construct(c.node.path, p, object));
  return c.node.validate().map((message) =>
    construct(c.node.path, { code: 'CI0019', field: '(construct)', message, fix: 'see the message; it comes from cdk8s or cdk8s-plus' }, object));
}

/** The construct an API object is reported on: its L2 or cdk8s-plus owner, else itself. */
function ownerOf(apiObject: ApiObject): IConstruct {
  const parent = apiObject.node.scope;
  return apiObject.node.id === 'Resource' && parent && !Chart.isChart(parent) ? parent : apiObject;
}

/**
 * Renders one API object. When it cannot be rendered, says why, and still returns the object as
 * it renders without its JSON patches when that works, so that the other objects that refer to it
 * are checked against it instead of reporting it missing.
 */
function renderObject(apiObject: ApiObject): { manifest?: any; problem?: Problem } {
  try {
    return { manifest: apiObject.toJson() };
  } catch (e) {
    const patches: JsonPatch[] = (apiObject as any).patches ?? [];
    if (patches.length > 0) {
      (apiObject as any).patches = [];
      let unpatched: any;
      try {
        unpatched = apiObject.toJson();
      } catch {
        unpatched = undefined;
      } finally {
        (apiObject as any).patches = patches;
      }
      if (unpatched) return { manifest: unpatched, problem: patchProblem(unpatched, patches) ?? renderProblem(e) };
    }
    return { problem: renderProblem(e) };
  }
}

/** Which JSON patch fails on the rendered object, and why. */
function patchProblem(rendered: any, patches: readonly JsonPatch[]): Problem | undefined {
  let current = rendered;
  for (let i = 0; i < patches.length; i++) {
    const op = (patches[i] as any).operation ?? {};
    try {
      current = JsonPatch.apply(current, patches[i]);
    } catch (e) {
      const path = String(op.path ?? '');
      const parent = path.slice(0, path.lastIndexOf('/')) || '/';
      const missingParent = op.op === 'add' && valueAtPointer(current, parent) === undefined;
      const nested = missingParent ? nestUnderExisting(current, path, op.value) : undefined;
      return {
        code: 'CI0020',
        field: pointerToField(path) || '(patch)',
        value: op.value,
        message: missingParent
          ? `JSON patch ${i + 1} (${op.op} ${path}) cannot apply: ${parent} does not exist in the rendered object, and 'add' does not create parents`
          : `JSON patch ${i + 1} (${op.op} ${path}) cannot apply: ${firstLine(e)}`,
        fix: nested
          ? `add the nearest missing parent instead, with the value nested: JsonPatch.add('${nested.pointer}', ${nested.value})`
          : missingParent
            ? `add the missing parents of ${path} first (an 'add' of each, outermost first), or patch a path that exists in the rendered object`
            : 'patch a path that exists in the rendered object (see Testing.synth or the synthesized YAML)',
      };
    }
  }
  return undefined;
}

function renderProblem(e: unknown): Problem {
  return {
    code: 'CI0020',
    field: '(render)',
    message: `the object could not be rendered: ${firstLine(e)}`,
    fix: 'pass values of the documented types (a Duration, not a string, where the API asks for one); the other findings often name the cause',
  };
}

function construct(path: string, problem: Problem, object?: ManifestObject): RawFinding {
  const info = checkInfo(problem.code);
  const finding: Finding = {
    ...problem,
    path,
    severity: problem.severity ?? info?.severity ?? Severity.ERROR,
    counterpart: info?.counterpart === 'none' ? undefined : info?.counterpart,
  };
  return { finding, object };
}

function firstLine(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  // cdk8s wraps the cause: "Failed serializing construct at path '...' with name '...': Error: ..."
  return text.replace(/^Failed serializing construct at path '[^']*' with name '[^']*': (Error: )?/, '').split('\n')[0];
}

/**
 * The patch that works where `add path` fails for a missing parent: an `add` of the outermost
 * missing member, under the nearest parent that exists and is an object, with the value nested
 * in the missing members between. Undefined when that parent is a list (a missing index cannot be
 * nested as an object member).
 */
function nestUnderExisting(doc: any, path: string, value: unknown): { pointer: string; value: string } | undefined {
  const segments = path.split('/').slice(1);
  let existing = 0;
  while (existing < segments.length - 1 && valueAtPointer(doc, '/' + segments.slice(0, existing + 1).join('/')) !== undefined) existing++;
  const at = existing === 0 ? doc : valueAtPointer(doc, '/' + segments.slice(0, existing).join('/'));
  if (at === null || typeof at !== 'object' || Array.isArray(at)) return undefined;
  let nested = formatValue(value);
  for (let i = segments.length - 1; i > existing; i--) nested = `{ ${objectKey(unescapePointer(segments[i]))}: ${nested} }`;
  return { pointer: '/' + segments.slice(0, existing + 1).join('/'), value: nested };
}

/** A member name as a JavaScript object literal writes it: bare when it is an identifier, else quoted. */
function objectKey(name: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? name : JSON.stringify(name);
}

function unescapePointer(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

function valueAtPointer(doc: any, pointer: string): any {
  if (pointer === '/' || pointer === '') return doc;
  let node = doc;
  for (const raw of pointer.split('/').slice(1)) {
    if (node === null || typeof node !== 'object') return undefined;
    node = node[raw.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return node;
}

function pointerToField(pointer: string): string {
  let out = '';
  for (const raw of pointer.split('/').slice(1)) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (/^\d+$/.test(segment) || segment === '-') out += `[${segment}]`;
    else out += out ? `.${segment}` : segment;
  }
  return out;
}
