import { IConstruct } from 'constructs';
import { Suppression } from './manifest-object';

/** The construct metadata type suppressions are stored under. */
export const SUPPRESSION_METADATA_TYPE = 'cdk8s-istio:suppress';

/**
 * Accepts a finding on purpose: the construct (and everything below it) is exempt from one check.
 *
 * Suppressions live in construct metadata (`node.addMetadata`), so the renderer carries them to
 * each rendered object together with those of its ancestors (a Chart-level suppression covers
 * the whole chart). A suppressed finding is not an error; the report lists it under `suppressed`
 * with the reason, so accepted risks stay visible. Objects written in YAML carry a suppression as
 * an annotation instead: `suppress.cdk8s-istio.io/CI1011: "<reason>"`.
 *
 * The reason is required. A suppression with an empty reason, an unknown code, or of `CI1016`
 * itself is not applied, and neither is one of an error that Istio rejects at apply time; each is
 * reported as a `CI1016` error (never thrown, so every problem is reported at once).
 *
 * @example
 * Suppressions.add(legacyService, 'CI1011', 'port names are fixed by the vendor chart');
 * @see https://istio.io/latest/docs/ops/diagnostic-tools/istioctl-analyze/
 */
export class Suppressions {
  /**
   * Suppresses check `code` on `scope` and every construct below it.
   *
   * @param scope the construct (an L2, a cdk8s-plus object, an ApiObject or a whole Chart)
   * @param code the check code, e.g. `CI1011` (see `CHECKS`)
   * @param reason why the finding is acceptable; must not be empty
   * @example
   * Suppressions.add(chart, 'CI1012', 'telemetry labels are added by the platform team');
   */
  public static add(scope: IConstruct, code: string, reason: string): void {
    scope.node.addMetadata(SUPPRESSION_METADATA_TYPE, { code, reason });
  }

  /**
   * The suppressions that apply to `scope`: its own and its ancestors', outermost first, each
   * with the path of the construct it was added to.
   */
  public static of(scope: IConstruct): Suppression[] {
    const out: Suppression[] = [];
    for (const c of scope.node.scopes) {
      for (const entry of c.node.metadata) {
        if (entry.type !== SUPPRESSION_METADATA_TYPE) continue;
        const data = entry.data ?? {};
        out.push({ code: String(data.code ?? ''), reason: typeof data.reason === 'string' ? data.reason : '', scope: c.node.path });
      }
    }
    return out;
  }

  private constructor() {}
}
