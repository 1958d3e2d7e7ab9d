import { Severity } from '../finding';
import { MeshModel, ModelObject } from '../mesh-model';

/**
 * Where a rule reports what it finds.
 *
 * @see https://istio.io/latest/docs/reference/config/analysis/
 */
export interface RuleContext {
  /** The index of the whole app. */
  readonly model: MeshModel;
  /**
   * Records a finding of this rule on `object`.
   *
   * @param object the object at fault (its construct path is reported)
   * @param severity overrides the check's default severity for this finding (default: the catalog's)
   * @param field the field, as a path into the object's manifest (e.g. `spec.http[0].route[0].destination.host`)
   * @param value the offending value
   * @param message what is wrong, lowercase, naming the other resource and what exists
   * @param fix how to fix it
   */
  report(object: ModelObject, field: string, value: unknown, message: string, fix: string, severity?: Severity): void;
}

/**
 * A cross-resource check over the rendered manifests of a whole app (one per file, as in cdk-nag).
 *
 * Severity and the `istioctl analyze` / Kiali counterpart come from `CHECKS[code]`.
 *
 * @see https://istio.io/latest/docs/reference/config/analysis/
 * @see https://kiali.io/docs/features/validations/
 */
export interface MeshRule {
  /** The check code, a key of `CHECKS` (e.g. `CI1003`). */
  readonly code: string;
  /** Reports every problem it finds through `context.report`; must not throw on malformed manifests. */
  evaluate(context: RuleContext): void;
}
