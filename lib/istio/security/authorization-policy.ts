import { ApiObject, Lazy } from 'cdk8s';
import { Construct } from 'constructs';
import { ProblemCollector } from '../../analysis/finding';
import { IstioResource, IstioResourceProps } from '../base';
import { security } from '../private/l1';
import { WorkloadSelector } from '../workload-selector';
import { listProblem, renderableList } from '../private/lists';
import { AuthorizationRule } from './authorization-rule';

/**
 * What an AuthorizationPolicy does with matching requests.
 *
 * Evaluation order: CUSTOM, then DENY, then ALLOW. When any ALLOW policy selects a workload,
 * requests that match no ALLOW rule are denied.
 *
 * @see https://istio.io/latest/docs/reference/config/security/authorization-policy/#AuthorizationPolicy-Action
 */
export enum AuthorizationAction {
  /** Allow matching requests. */
  ALLOW = 'ALLOW',
  /** Deny matching requests. */
  DENY = 'DENY',
  /** Audit matching requests (needs an audit plugin); does not change allow/deny. */
  AUDIT = 'AUDIT',
  /** Delegate matching requests to an extension provider (ext-authz); needs `provider`. */
  CUSTOM = 'CUSTOM',
}

/**
 * Properties of an {@link AuthorizationPolicy}.
 *
 * @see https://istio.io/latest/docs/reference/config/security/authorization-policy/#AuthorizationPolicy
 */
export interface AuthorizationPolicyProps extends IstioResourceProps {
  /**
   * The workloads the policy applies to.
   *
   * @default - every workload in the namespace (every workload in the mesh in the root namespace `istio-system`)
   */
  readonly selector?: WorkloadSelector;
  /**
   * The action for matching requests.
   *
   * @default - not rendered; Istio uses ALLOW
   */
  readonly action?: AuthorizationAction;
  /**
   * The extension provider (from `meshConfig.extensionProviders`); only and always with action CUSTOM.
   *
   * @default - no provider
   */
  readonly provider?: string;
  /**
   * The rules (OR). No rules: ALLOW matches nothing (denies all), DENY/CUSTOM are invalid.
   *
   * @default - no rules; add them with `addRule`
   */
  readonly rules?: AuthorizationRule[];
}

/**
 * Props of the AuthorizationPolicy shorthands ({@link AuthorizationPolicy.allowNothing} and co.).
 *
 * @see https://istio.io/latest/docs/reference/config/security/authorization-policy/#AuthorizationPolicy
 */
export interface AuthorizationPolicyShorthandProps extends IstioResourceProps {
  /**
   * The workloads the policy applies to.
   *
   * @default - every workload in the namespace
   */
  readonly selector?: WorkloadSelector;
}

/**
 * Access control for workloads: allow, deny, audit or delegate requests by source, operation and
 * conditions.
 *
 * Rules are OR; inside a rule `from`, `to` and `when` are AND; inside `from`/`to` the entries are OR.
 *
 * @example
 * new AuthorizationPolicy(chart, 'reviews-viewer', {
 *   selector: WorkloadSelector.fromWorkload(reviewsV1),
 *   action: AuthorizationAction.ALLOW,
 *   rules: [{ from: [Source.fromServiceAccounts(productpageSa)], to: [Operation.methods('GET')] }],
 * });
 *
 * @see https://istio.io/latest/docs/reference/config/security/authorization-policy/
 */
export class AuthorizationPolicy extends IstioResource {
  /**
   * An ALLOW policy without rules: denies every request to the selected workloads (or the whole
   * namespace), the usual starting point before adding ALLOW policies.
   *
   * @example
   * AuthorizationPolicy.allowNothing(chart, 'allow-nothing');
   */
  public static allowNothing(scope: Construct, id: string, props: AuthorizationPolicyShorthandProps = {}): AuthorizationPolicy {
    return new AuthorizationPolicy(scope, id, { ...props, action: AuthorizationAction.ALLOW });
  }

  /**
   * An ALLOW policy with one empty rule: allows every request to the selected workloads.
   *
   * @example
   * AuthorizationPolicy.allowAll(chart, 'allow-all');
   */
  public static allowAll(scope: Construct, id: string, props: AuthorizationPolicyShorthandProps = {}): AuthorizationPolicy {
    return new AuthorizationPolicy(scope, id, { ...props, action: AuthorizationAction.ALLOW, rules: [{}] });
  }

  /**
   * A DENY policy with one empty rule: denies every request, whatever ALLOW policies say.
   *
   * @example
   * AuthorizationPolicy.denyAll(chart, 'deny-all');
   */
  public static denyAll(scope: Construct, id: string, props: AuthorizationPolicyShorthandProps = {}): AuthorizationPolicy {
    return new AuthorizationPolicy(scope, id, { ...props, action: AuthorizationAction.DENY, rules: [{}] });
  }

  /** The workload selector, if any. */
  public readonly selector?: WorkloadSelector;
  /** The action, if set. */
  public readonly action?: AuthorizationAction;
  /** The extension provider name, if set. */
  public readonly provider?: string;

  protected readonly apiObject: ApiObject;

  private readonly _rules: AuthorizationRule[] = [];
  /** The rules as given: a plain-JavaScript caller may pass something else than a list, or null entries (CI0019). */
  private readonly _givenRules: unknown;

  constructor(scope: Construct, id: string, props: AuthorizationPolicyProps = {}) {
    super(scope, id, props);
    this.selector = props.selector;
    this.action = props.action;
    this.provider = props.provider;
    this.apiObject = new security.AuthorizationPolicy(this, 'Resource', {
      metadata: this.initialMetadata,
      spec: Lazy.any({ produce: () => this._toSpec() }),
    });
    this._givenRules = props.rules;
    for (const r of renderableList(props.rules) ?? []) this.addRule(r);
  }

  /**
   * Adds a rule.
   *
   * @example
   * policy.addRule({ from: [Source.fromNamespaces('frontend')], to: [Operation.paths('/api/*')] });
   */
  public addRule(rule: AuthorizationRule): void {
    this._rules.push({ ...rule });
  }

  /** The number of rules. */
  public get ruleCount(): number {
    return this._rules.length;
  }

  /**
   * The rendered spec.
   * @internal
   */
  public _toSpec(): any {
    return {
      selector: this.selector?._toMatchLabels(),
      action: this.action,
      provider: this.provider !== undefined ? { name: this.provider } : undefined,
      rules: this._rules.length > 0 ? this._rules.map((r) => ({
        from: render(r.from),
        to: render(r.to),
        when: render(r.when),
      })) : undefined,
    };
  }

  protected validateSpec(problems: ProblemCollector): void {
    // the manifest's rules are checked by the object checks (CI07xx, CI0024); only what it cannot show stays here
    this.selector?._validate(problems.at('spec.selector.matchLabels'), this.namespace);
    // a rules list the manifest leaves out, or rules left out of it, change what the policy allows
    listProblem(problems, 'spec.rules', this._givenRules, 'rules');
    this._rules.forEach((rule, i) => {
      const at = problems.at(`spec.rules[${i}]`);
      for (const [list, entry] of [['from', 'source'], ['to', 'operation'], ['when', '']] as const) {
        listProblem(at, list, rule[list], list);
        (renderableList<any>(rule[list]) ?? []).forEach((x, j) => {
          if (typeof x?._validateOptions === 'function') x._validateOptions(at.at(`${list}[${j}]`).at(entry));
        });
      }
    });
  }
}

/**
 * Renders a list of sources, operations or conditions; a plain object (from a plain-JavaScript
 * caller) renders as given, for the checks to report; what is not a list is left out (CI0019).
 */
function render(list: unknown): unknown {
  return renderableList<any>(list as any[])?.map((x) => (typeof x?._toIstio === 'function' ? x._toIstio() : x));
}
