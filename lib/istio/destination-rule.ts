import { ApiObject, Lazy } from 'cdk8s';
import { Construct } from 'constructs';
import { formatValue, ProblemCollector, Severity } from '../analysis/finding';
import { IstioResource, IstioResourceProps } from './base';
import { IServiceLike, IWorkloadLike } from './kube-objects';
import { serviceHost } from './private/host';
import { isService, isWorkload, serviceSelector } from './private/workload';
import { networking } from './private/l1';
import { renderValue } from './traffic-policy/checks';
import { TrafficPolicy } from './traffic-policy/traffic-policy';
import { WorkloadSelector } from './workload-selector';

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
   * (for example `ratings.prod.svc.cluster.local`, or a ServiceEntry host; `*.example.com` and
   * `*.local` are allowed; `*` alone is accepted by Istio but reported as a warning).
   */
  readonly host: IServiceLike | string;
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
  public static forService(scope: Construct, id: string, service: IServiceLike, options: DestinationRuleOptions = {}): DestinationRule {
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
  private readonly _host: IServiceLike | string;
  private readonly _exportTo?: string[];
  private readonly _workloadSelector?: WorkloadSelector;

  constructor(scope: Construct, id: string, props: DestinationRuleProps) {
    super(scope, id, props);
    this._host = props.host;
    this.trafficPolicy = props.trafficPolicy;
    // a plain-JavaScript caller may pass anything: copy arrays, keep the rest as given for the checks
    this._exportTo = Array.isArray(props.exportTo) ? [...props.exportTo] : props.exportTo;
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
   * Adds a named subset. Names must be unique DNS-1123 labels; problems are reported by the
   * checks of the rendered rule (CI0202, CI0203).
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
    if (typeof this._host === 'string') return this._host;
    // anything but a Service (from plain JavaScript) renders no host, and the checks report it
    return isService(this._host) ? serviceHost(this._host, this.namespace) : (undefined as unknown as string);
  }

  /** The cdk8s-plus Service this rule is for, when it was given one. */
  public get service(): IServiceLike | undefined {
    return isService(this._host) ? this._host : undefined;
  }

  /** The subsets with the labels they render (copies), in order. */
  public get subsets(): SubsetDefinition[] {
    const selector = this.serviceSelector();
    return this._subsets.filter(isSubset).map((s) => ({ name: s.name, labels: s._labels(selector) ?? {}, trafficPolicy: s.trafficPolicy }));
  }

  /**
   * The `spec` of the DestinationRule.
   * @internal
   */
  public _toSpec(): networking.DestinationRuleSpec {
    const selector = this.serviceSelector();
    return {
      host: this.host,
      trafficPolicy: renderValue(this.trafficPolicy),
      // anything but a Subset (from plain JavaScript) renders as given, for the checks to see
      subsets: this._subsets.length === 0 ? undefined : this._subsets.map((s) => (isSubset(s) ? s._toIstio(selector) : s as any)),
      exportTo: Array.isArray(this._exportTo) ? [...this._exportTo] : this._exportTo,
      workloadSelector: this.renderWorkloadSelector(),
    };
  }

  /**
   * Only what the manifest cannot show: the rendered rule is checked like any other
   * (CI0201-CI0214). Here, values that could not be rendered (a subset or workload selector from
   * something that is not a workload, a host that is neither a string nor a Service), subsets
   * whose workload labels are all implied by the Service selector, and a workload selector built
   * from a workload in another namespace.
   */
  protected validateSpec(problems: ProblemCollector): void {
    const spec = problems.at('spec');
    if (typeof this._host !== 'string' && !isService(this._host)) {
      spec.add('CI0019', 'host', undefined, `host must be a host name or a cdk8s-plus Service, got ${describeValue(this._host)}`,
        'pass a kplus.Service or a service host such as \'reviews\' (DestinationRuleProps.host)');
    }
    const selector = this.serviceSelector();
    this._subsets.forEach((subset, i) => {
      if (isSubset(subset)) subset._constructProblems(spec.at(`subsets[${i}]`), selector);
    });
    this.validateWorkloadSelector(spec.at('workloadSelector'));
  }

  private validateWorkloadSelector(problems: ProblemCollector): void {
    const selector = this._workloadSelector as unknown;
    if (selector === undefined) return;
    if (!(selector instanceof WorkloadSelector)) {
      problems.add('CI0019', '', undefined, `the workload selector must be a WorkloadSelector, got ${describeValue(selector)}`,
        'build it with WorkloadSelector.fromWorkload(deployment) of a cdk8s-plus workload, or WorkloadSelector.fromLabels');
      return;
    }
    selector._validate(problems.at('matchLabels'), this.namespace);
  }

  private renderWorkloadSelector(): { matchLabels: { [key: string]: string } } | undefined {
    try {
      return this._workloadSelector?._toMatchLabels();
    } catch {
      // reported by validateSpec (CI0019)
      return undefined;
    }
  }

  private serviceSelector(): Record<string, string> | undefined {
    // a Service without ports cannot render yet ({}); cdk8s-plus reports that itself
    return isService(this._host) ? serviceSelector(this._host) : undefined;
  }
}

function isSubset(x: unknown): x is Subset {
  return x instanceof Subset;
}

function describeValue(x: unknown): string {
  if (x === undefined || x === null) return String(x);
  if (typeof x === 'object') return `an object of type ${(x as object).constructor?.name ?? 'Object'}`;
  return `${typeof x} ${formatValue(x)}`;
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
  public static fromWorkload(name: string, workload: IWorkloadLike, options: SubsetOptions = {}): Subset {
    return new Subset(name, undefined, workload, options.trafficPolicy);
  }

  private constructor(
    /** The subset name. */
    public readonly name: string,
    private readonly labels: Record<string, string> | undefined,
    private readonly workload: IWorkloadLike | undefined,
    /** The subset's own traffic policy, if any. */
    public readonly trafficPolicy: TrafficPolicy | undefined,
  ) {}

  /**
   * The labels the subset renders, given the selector of the rule's Service (if any), or
   * `undefined` when they cannot be derived (the workload given is not a cdk8s-plus workload).
   * @internal
   */
  public _labels(serviceSelector?: Record<string, string>): Record<string, string> | undefined {
    if (this.labels) return { ...this.labels };
    const derived = this.workloadLabels();
    if (derived.labels === undefined) return undefined;
    const out: Record<string, string> = {};
    for (const [key, value] of Object.entries(derived.labels)) {
      if (serviceSelector && serviceSelector[key] === value) continue;
      out[key] = value;
    }
    return out;
  }

  /**
   * Records what the rendered subset cannot show: a workload that gives no labels, or whose
   * labels the Service selector already implies. Fields are relative to `subsets[i]`.
   * @internal
   */
  public _constructProblems(problems: ProblemCollector, serviceSelector?: Record<string, string>): void {
    if (this.labels) return;
    const derived = this.workloadLabels();
    if (derived.labels === undefined) {
      problems.add('CI0019', '', this.workload === undefined || this.workload === null ? this.workload : undefined,
        `subset ${formatValue(this.name)} was built from ${derived.problem}, so it has no labels to select pods by`,
        'pass a cdk8s-plus Deployment, StatefulSet, DaemonSet, Job or Pod to Subset.fromWorkload, or use Subset.fromLabels(name, { version: \'v1\' })');
      return;
    }
    const labels = this._labels(serviceSelector) ?? {};
    if (Object.keys(labels).length > 0) return;
    const why = Object.keys(derived.labels).length === 0
      ? `workload '${this.workload!.name}' has no selector or pod labels besides cdk8s.io/metadata.addr`
      : `the labels of workload '${this.workload!.name}' are all implied by the Service selector ${formatValue(serviceSelector)}`;
    problems.add('CI0019', 'labels', labels, `subset ${formatValue(this.name)} renders no labels, so it selects every pod of the host, not only the workload's: ${why}`,
      'give the workload a distinguishing pod label such as version: v1 (and select by it), or use Subset.fromLabels', Severity.WARNING);
  }

  /**
   * The Istio subset object.
   * @internal
   */
  public _toIstio(serviceSelector?: Record<string, string>): networking.DestinationRuleSpecSubsets {
    return {
      name: this.name,
      labels: this._labels(serviceSelector),
      trafficPolicy: renderValue(this.trafficPolicy) as unknown as networking.DestinationRuleSpecSubsetsTrafficPolicy | undefined,
    };
  }

  /** The labels of the workload, or why there are none (never throws, whatever was passed). */
  private workloadLabels(): { labels?: Record<string, string>; problem?: string } {
    const w = this.workload as unknown;
    if (w === undefined || w === null) return { problem: `workload ${String(w)}` };
    if (!isWorkload(w)) return { problem: `${describeValue(w)}, which is not a cdk8s-plus workload` };
    try {
      return { labels: WorkloadSelector.fromWorkload(this.workload!).labels };
    } catch (e) {
      return { problem: `${describeValue(w)}, which is not a cdk8s-plus workload (${(e as Error)?.message ?? String(e)})` };
    }
  }
}
