/**
 * How constructs and apps talk to the checks without the checks importing them: a construct
 * that knows problems of its own (a value that cannot become a manifest) exposes them under
 * {@link CONSTRUCT_PROBLEMS}; an app whose objects are all checked together (a `MeshApp`, or an
 * `App` with `IstioChecks.enable`) is marked, so that the L2 constructs do not also report their
 * own objects through cdk8s's per-construct validation.
 */
import { IConstruct } from 'constructs';
import { formatValue, Problem, Severity } from '../finding';

/**
 * The method under which a construct returns its construct-level problems (fields relative to
 * the manifest root).
 *
 * @see https://cdk8s.io/docs/latest/basics/constructs/
 */
export const CONSTRUCT_PROBLEMS = Symbol.for('cdk8s-istio.constructProblems');

const CHECKED = Symbol.for('cdk8s-istio.checkedApp');

/**
 * The construct-level problems of `c`, or `undefined` when it reports none of its own.
 *
 * @see https://cdk8s.io/docs/latest/basics/constructs/
 */
export function constructProblems(c: IConstruct): Problem[] | undefined {
  const fn = (c as any)[CONSTRUCT_PROBLEMS];
  return typeof fn === 'function' ? fn.call(c) : undefined;
}

/**
 * Marks `app` as checked as a whole (by `MeshApp` or `IstioChecks.enable`).
 *
 * @see https://cdk8s.io/docs/latest/basics/app/
 */
export function markChecked(app: IConstruct): void {
  Object.defineProperty(app, CHECKED, { value: true, configurable: false });
}

/**
 * Whether the app that holds `c` is checked as a whole.
 *
 * @see https://cdk8s.io/docs/latest/basics/app/
 */
export function isChecked(c: IConstruct): boolean {
  return (c.node.root as any)[CHECKED] === true;
}

/**
 * Gives `construct` problems of its own (for example options that cannot be turned into
 * manifests): they are reported with every other finding by `MeshApp` and `IstioChecks.enable`,
 * and fail `synth()` through cdk8s's validation in an app that is not checked as a whole.
 *
 * @param construct the construct the problems are about
 * @param collect returns the problems, with fields relative to the construct's options
 * @see https://cdk8s.io/docs/latest/basics/constructs/
 */
export function addConstructProblems(construct: IConstruct, collect: () => Problem[]): void {
  Object.defineProperty(construct, CONSTRUCT_PROBLEMS, { value: collect, configurable: true });
  construct.node.addValidation({
    validate: () => isChecked(construct) ? [] : collect()
      .filter((p) => (p.severity ?? Severity.ERROR) === Severity.ERROR)
      .map((p) => `error ${p.code} ${p.field}${p.value === undefined ? '' : ` = ${formatValue(p.value)}`}: ${p.message}; fix: ${p.fix}`),
  });
}
