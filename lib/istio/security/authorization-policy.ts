import { ApiObject, Lazy } from 'cdk8s';
import { Construct } from 'constructs';
import { ProblemCollector, Severity } from '../../analysis/finding';
import { IstioResource, IstioResourceProps } from '../base';
import { security } from '../private/l1';
import { WorkloadSelector } from '../workload-selector';
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

const ACTIONS = Object.values(AuthorizationAction) as string[];

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

  constructor(scope: Construct, id: string, props: AuthorizationPolicyProps = {}) {
    super(scope, id, props);
    this.selector = props.selector;
    this.action = props.action;
    this.provider = props.provider;
    this.apiObject = new security.AuthorizationPolicy(this, 'Resource', {
      metadata: this.initialMetadata,
      spec: Lazy.any({ produce: () => this._toSpec() }),
    });
    for (const r of props.rules ?? []) this.addRule(r);
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
        from: r.from?.map((s) => s._toIstio()),
        to: r.to?.map((o) => o._toIstio()),
        when: r.when?.map((c) => c._toIstio()),
      })) : undefined,
    };
  }

  protected validateSpec(problems: ProblemCollector): void {
    const spec = problems.at('spec');
    const action = this.action ?? AuthorizationAction.ALLOW;
    this.selector?._validate(spec.at('selector.matchLabels'), this.namespace);

    if (!ACTIONS.includes(action)) {
      spec.add('CI0017', 'action', action, `action '${action}' is not one of ${ACTIONS.join(', ')}`, 'use an AuthorizationAction value');
    }
    if (action === AuthorizationAction.CUSTOM) {
      if (!this.provider) {
        spec.add('CI0014', 'provider.name', this.provider, 'action CUSTOM needs a provider name', 'set provider to an extension provider from meshConfig.extensionProviders');
      }
      if (this._rules.length === 0) {
        spec.add('CI0014', 'rules', [], 'action CUSTOM without rules never triggers', 'add rules, or one empty rule {} to send every request to the provider');
      }
    } else if (this.provider !== undefined) {
      spec.add('CI0014', 'provider', this.provider, `provider is only allowed with action CUSTOM, got ${action}`, 'remove the provider, or use action CUSTOM');
    }
    if (action === AuthorizationAction.DENY && this._rules.length === 0) {
      spec.add('CI0014', 'rules', [], 'action DENY without rules never triggers', 'add rules, or one empty rule {} to deny every request');
    }

    this._rules.forEach((rule, i) => {
      const at = spec.at(`rules[${i}]`);
      if (rule.from !== undefined && rule.from.length === 0) {
        at.add('CI0014', 'from', [], '`from` must not be an empty list', 'omit from to match any source, or add a Source');
      }
      if (rule.to !== undefined && rule.to.length === 0) {
        at.add('CI0014', 'to', [], '`to` must not be an empty list', 'omit to to match any operation, or add an Operation');
      }
      (rule.from ?? []).forEach((s, j) => s._validate(at.at(`from[${j}]`), action));
      (rule.to ?? []).forEach((o, j) => o._validate(at.at(`to[${j}]`)));
      (rule.when ?? []).forEach((c, j) => c._validate(at.at(`when[${j}]`), action));

      // Istio's webhook warns: HTTP-only attributes in a DENY rule deny all TCP traffic in scope
      const fromExists = (rule.from?.length ?? 0) > 0;
      const toExists = (rule.to?.length ?? 0) > 0;
      const tcpFrom = (rule.from ?? []).some((s) => s._hasTcpFields());
      const tcpTo = (rule.to ?? []).some((o) => o.hasPorts);
      if (action === AuthorizationAction.DENY && ((fromExists && !toExists && !tcpFrom) || (toExists && !tcpTo))) {
        at.add('CI0014', '', undefined, 'this DENY rule uses only HTTP attributes, so it denies all traffic to TCP ports of the selected workloads',
          'add the ports the rule is meant for (Operation.of({ ports: [...] , ... }))', Severity.WARNING);
      }
    });
  }
}
