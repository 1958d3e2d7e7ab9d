import { ApiObject, Lazy } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import { formatValue, ProblemCollector } from '../analysis/finding';
import { IstioResource, IstioResourceProps } from './base';
import { serviceHost } from './private/host';
import { networking } from './private/l1';
import { dns1123LabelProblem, hostProblem } from '../analysis/values/validate';
import { TrafficPolicy } from './traffic-policy/traffic-policy';
import { WorkloadSelector } from './workload-selector';
import { validateLabelMap } from './private/labels';

/**
 * Options of a DestinationRule other than its host (used by {@link DestinationRule.forService}).
 *
 * @see https://istio.io/latest/docs/reference/config/networking/destination-rule/#DestinationRule
 */
export interface DestinationRuleOptions extends IstioResourceProps {
  /**
   * Traffic policies for the whole destination (subsets and ports can override them).
   * @default - no traffic policy; Istio's defaults apply
   */
  readonly trafficPolicy?: TrafficPolicy;
  /**
   * Named subsets (versions) of the destination. More can be added with `addSubset()`.
   * @default - no subsets
   */
  readonly subsets?: Subset[];
  /**
   * Namespaces the rule is visible to: `.` (own namespace), `*` (all), or namespace names.
   * @default - all namespaces (or the mesh's `defaultDestinationRuleExportTo`)
   */
  readonly exportTo?: string[];
  /**
   * The client workloads this rule applies to (only those in the rule's namespace).
   * @default - the rule applies to every client that can see it
   */
  readonly workloadSelector?: WorkloadSelector;
}

/**
 * Properties of a {@link DestinationRule}.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/destination-rule/#DestinationRule
 */
export interface DestinationRuleProps extends DestinationRuleOptions {
  /**
   * The destination: a cdk8s-plus Service (rendered as its short name when the rule is in the
   * Service's namespace, else as its FQDN), or a host name for services this app does not define
   * (for example `ratings.prod.svc.cluster.local`, or a ServiceEntry host; `*.example.com` is
   * allowed, `*` is not).
   */
  readonly host: kplus.Service | string;
}

/**
 * A subset of a DestinationRule as others see it: its name and the labels it selects.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/destination-rule/#Subset
 */
export interface SubsetDefinition {
  /** The subset name, e.g. `v2`. */
  readonly name: string;
  /** The pod labels the subset selects (a copy). */
  readonly labels: Record<string, string>;
  /**
   * The subset's traffic policy.
   * @default - the rule's traffic policy applies
   */
  readonly trafficPolicy?: TrafficPolicy;
}

/**
 * Policies applied to traffic for a service after routing: load balancing, connection pool,
 * outlier detection, TLS, and the named subsets (versions) that VirtualService routes refer to.
 *
 * Names: the `metadata.name` given, else the construct id; {@link DestinationRule.forService}
 * defaults the name to the Service's name instead, as the Istio samples do.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/destination-rule/
 */
export class DestinationRule extends IstioResource {
  /**
   * A DestinationRule for a cdk8s-plus Service, named after the Service unless `metadata.name` is given.
   *
   * Subsets built with {@link Subset.fromWorkload} then drop the labels the Service selector already implies.
   *
   * @example
   * const rule = DestinationRule.forService(chart, 'reviews-rule', reviews);   // metadata.name: reviews
   * rule.addSubset(Subset.fromWorkload('v1', reviewsV1));                     // labels: { version: v1 }
   */
  public static forService(scope: Construct, id: string, service: kplus.Service, options: DestinationRuleOptions = {}): DestinationRule {
    return new DestinationRule(scope, id, {
      ...options,
      metadata: { ...options.metadata, name: options.metadata?.name ?? service.name },
      host: service,
    });
  }

  /** The traffic policy of the whole destination, if any. */
  public readonly trafficPolicy?: TrafficPolicy;

  protected readonly apiObject: ApiObject;

  private readonly _subsets: Subset[] = [];
  private readonly _host: kplus.Service | string;
  private readonly _exportTo?: string[];
  private readonly _workloadSelector?: WorkloadSelector;

  constructor(scope: Construct, id: string, props: DestinationRuleProps) {
    super(scope, id, props);
    this._host = props.host;
    this.trafficPolicy = props.trafficPolicy;
    this._exportTo = props.exportTo ? [...props.exportTo] : undefined;
    this._workloadSelector = props.workloadSelector;
    this.apiObject = new networking.DestinationRule(this, 'Resource', {
      metadata: this.initialMetadata,
      spec: Lazy.any({ produce: () => this._toSpec() }),
    });
    for (const subset of props.subsets ?? []) {
      this.addSubset(subset);
    }
  }

  /**
   * Adds a named subset. Names must be unique DNS-1123 labels; problems are reported at synthesis.
   *
   * @example
   * rule.addSubset(Subset.fromWorkload('v2', reviewsV2));
   * rule.addSubset(Subset.fromLabels('v3', { version: 'v3' }, { trafficPolicy: TrafficPolicy.of({ loadBalancer: LoadBalancer.simple(LoadBalancerAlgorithm.RANDOM) }) }));
   */
  public addSubset(subset: Subset): void {
    this._subsets.push(subset);
  }

  /** The host as rendered in `spec.host`. */
  public get host(): string {
    return typeof this._host === 'string' ? this._host : serviceHost(this._host, this.namespace);
  }

  /** The cdk8s-plus Service this rule is for, when it was given one. */
  public get service(): kplus.Service | undefined {
    return typeof this._host === 'string' ? undefined : this._host;
  }

  /** The subsets with the labels they render (copies), in order. */
  public get subsets(): SubsetDefinition[] {
    const selector = this.serviceSelector();
    return this._subsets.map((s) => ({ name: s.name, labels: s._labels(selector), trafficPolicy: s.trafficPolicy }));
  }

  /**
   * The `spec` of the DestinationRule.
   * @internal
   */
  public _toSpec(): networking.DestinationRuleSpec {
    const selector = this.serviceSelector();
    return {
      host: this.host,
      trafficPolicy: this.trafficPolicy?._toIstio(),
      subsets: this._subsets.length === 0 ? undefined : this._subsets.map((s) => s._toIstio(selector)),
      exportTo: this._exportTo ? [...this._exportTo] : undefined,
      workloadSelector: this._workloadSelector?._toMatchLabels(),
    };
  }

  protected validateSpec(problems: ProblemCollector): void {
    const spec = problems.at('spec');
    const hp = hostProblem(this.host, { allowBareWildcard: false });
    if (hp) {
      const message = this.host === '*' ? 'host \'*\' matches every service; a DestinationRule needs one destination host' : `host ${formatValue(this.host)} ${hp}`;
      spec.add('CI0002', 'host', this.host, message,
        'pass a kplus.Service or a service host such as \'reviews\' or \'reviews.prod.svc.cluster.local\'');
    }
    this.trafficPolicy?._validate(spec.at('trafficPolicy'));

    const selector = this.serviceSelector();
    const seen = new Map<string, number>();
    this._subsets.forEach((subset, i) => {
      const at = spec.at(`subsets[${i}]`);
      const first = seen.get(subset.name);
      if (first !== undefined) {
        at.add('CI0012', 'name', subset.name, `subset name ${formatValue(subset.name)} is already used by subsets[${first}]`, 'give each subset a unique name');
      } else {
        seen.set(subset.name, i);
      }
      subset._validate(at, selector);
    });

    this.validateExportTo(spec);
    this._workloadSelector?._validate(spec.at('workloadSelector.matchLabels'), this.namespace);
  }

  private serviceSelector(): Record<string, string> | undefined {
    if (typeof this._host === 'string') return undefined;
    try {
      return { ...(this._host._toKube().selector ?? {}) };
    } catch {
      // a Service without ports cannot render yet; kplus reports that itself
      return {};
    }
  }

  private validateExportTo(spec: ProblemCollector): void {
    if (!this._exportTo) return;
    const own = this.namespace ?? 'default';
    if (this._workloadSelector && this._exportTo.some((e) => e !== '.' && e !== own)) {
      spec.add('CI0017', 'exportTo', this._exportTo, 'a DestinationRule with a workloadSelector can only be exported to its own namespace',
        'set exportTo to [\'.\'] or remove it');
    }
  }

}

/**
 * Options of a {@link Subset}.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/destination-rule/#Subset
 */
export interface SubsetOptions {
  /**
   * Traffic policies for this subset only; they replace the rule-level ones for its endpoints.
   * @default - the rule's traffic policy applies
   */
  readonly trafficPolicy?: TrafficPolicy;
}

/**
 * A named set of endpoints of a destination, usually one version of a service, selected by pod labels.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/destination-rule/#Subset
 */
export class Subset {
  /**
   * A subset selecting pods with these labels.
   *
   * @example
   * Subset.fromLabels('v1', { version: 'v1' })
   */
  public static fromLabels(name: string, labels: Record<string, string>, options: SubsetOptions = {}): Subset {
    return new Subset(name, { ...labels }, undefined, options.trafficPolicy);
  }

  /**
   * A subset selecting the pods of a cdk8s-plus workload (Deployment, StatefulSet, DaemonSet, Job or Pod).
   *
   * The labels are the workload's selector (`matchLabels`, without cdk8s-plus's internal
   * `cdk8s.io/metadata.addr`), or its pod-template labels when the selector has no other label;
   * then, when the rule's host is a kplus Service, the labels the Service selector already
   * requires with the same value are dropped. So `reviews-v2` selecting `{ app: reviews, version: v2 }`
   * behind a Service selecting `{ app: reviews }` gives `{ version: v2 }`, as in Istio's samples.
   * Labels are read at synthesis, so later `select()` calls are taken into account.
   *
   * @example
   * rule.addSubset(Subset.fromWorkload('v2', reviewsV2));
   */
  public static fromWorkload(name: string, workload: kplus.AbstractPod, options: SubsetOptions = {}): Subset {
    return new Subset(name, undefined, workload, options.trafficPolicy);
  }

  private constructor(
    /** The subset name. */
    public readonly name: string,
    private readonly labels: Record<string, string> | undefined,
    private readonly workload: kplus.AbstractPod | undefined,
    /** The subset's own traffic policy, if any. */
    public readonly trafficPolicy: TrafficPolicy | undefined,
  ) {}

  /**
   * The labels the subset renders, given the selector of the rule's Service (if any).
   * @internal
   */
  public _labels(serviceSelector?: Record<string, string>): Record<string, string> {
    if (this.labels) return { ...this.labels };
    const out: Record<string, string> = {};
    for (const [key, value] of Object.entries(WorkloadSelector.fromWorkload(this.workload!).labels)) {
      if (serviceSelector && serviceSelector[key] === value) continue;
      out[key] = value;
    }
    return out;
  }

  /**
   * Records the problems of this subset; fields are relative to `subsets[i]`.
   * @internal
   */
  public _validate(problems: ProblemCollector, serviceSelector?: Record<string, string>): void {
    const np = dns1123LabelProblem(this.name);
    if (np) {
      problems.add('CI0001', 'name', this.name, `subset name ${formatValue(this.name)} ${np}`, 'use a lowercase DNS-1123 label such as \'v1\'');
    }
    const labels = this._labels(serviceSelector);
    if (Object.keys(labels).length === 0) {
      let why = '';
      if (this.workload) {
        why = serviceSelector
          ? `: the labels of workload '${this.workload.name}' are all implied by the Service selector ${formatValue(serviceSelector)}`
          : `: workload '${this.workload.name}' has no selector or pod labels besides cdk8s.io/metadata.addr`;
      }
      problems.add('CI0015', 'labels', labels, `subset ${formatValue(this.name)} has no labels, so it selects every endpoint of the host${why}`,
        'give the workload a distinguishing label such as version: v1, or use Subset.fromLabels');
    }
    validateSelectorLabels(problems, 'labels', labels);
    this.trafficPolicy?._validate(problems.at('trafficPolicy'));
  }

  /**
   * The Istio subset object.
   * @internal
   */
  public _toIstio(serviceSelector?: Record<string, string>): networking.DestinationRuleSpecSubsets {
    return {
      name: this.name,
      labels: this._labels(serviceSelector),
      trafficPolicy: this.trafficPolicy?._toIstio() as unknown as networking.DestinationRuleSpecSubsetsTrafficPolicy | undefined,
    };
  }
}

function validateSelectorLabels(problems: ProblemCollector, field: string, labels: Record<string, string>): void {
  validateLabelMap(problems, field, labels, { noWildcards: true });
}
