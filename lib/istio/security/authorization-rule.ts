import { Chart } from 'cdk8s';
import { ProblemCollector } from '../../analysis/finding';
import { IServiceAccountLike } from '../kube-objects';
import { listProblem, renderableList } from '../private/lists';

/** The default SPIFFE trust domain of a Kubernetes cluster. */
const DEFAULT_TRUST_DOMAIN = 'cluster.local';

/**
 * Fields of a {@link Source}; every list is OR, fields are AND. `not*` fields exclude.
 *
 * @see https://istio.io/latest/docs/reference/config/security/authorization-policy/#Source
 */
export interface SourceOptions {
  /** Peer identities (`<trust-domain>/ns/<ns>/sa/<sa>`, prefix/suffix `*` allowed); needs mTLS. @default - any */
  readonly principals?: string[];
  /** Excluded peer identities. @default - none excluded */
  readonly notPrincipals?: string[];
  /** JWT principals (`<iss>/<sub>`); needs a RequestAuthentication. @default - any */
  readonly requestPrincipals?: string[];
  /** Excluded JWT principals. @default - none excluded */
  readonly notRequestPrincipals?: string[];
  /** Peer namespaces; needs mTLS. @default - any */
  readonly namespaces?: string[];
  /** Excluded peer namespaces. @default - none excluded */
  readonly notNamespaces?: string[];
  /** Peer IPs or CIDR blocks (the connection's source address). @default - any */
  readonly ipBlocks?: string[];
  /** Excluded peer IPs or CIDR blocks. @default - none excluded */
  readonly notIpBlocks?: string[];
  /** Original client IPs or CIDR blocks (X-Forwarded-For / proxy protocol). @default - any */
  readonly remoteIpBlocks?: string[];
  /** Excluded original client IPs or CIDR blocks. @default - none excluded */
  readonly notRemoteIpBlocks?: string[];
  /** Service accounts as `<ns>/<name>` (not together with principals or namespaces; at most 16). @default - any */
  readonly serviceAccounts?: string[];
  /** Excluded service accounts as `<ns>/<name>` (at most 16). @default - none excluded */
  readonly notServiceAccounts?: string[];
  /** Peer trust domains (`cluster.local`; one leading or trailing `*` allowed); needs mTLS. @default - any */
  readonly trustDomains?: string[];
  /** Excluded peer trust domains. @default - none excluded */
  readonly notTrustDomains?: string[];
}

type SourceField = keyof SourceOptions;
const SOURCE_FIELDS: SourceField[] = [
  'principals', 'notPrincipals', 'requestPrincipals', 'notRequestPrincipals', 'namespaces', 'notNamespaces',
  'ipBlocks', 'notIpBlocks', 'remoteIpBlocks', 'notRemoteIpBlocks', 'serviceAccounts', 'notServiceAccounts', 'trustDomains', 'notTrustDomains',
];

/**
 * Who sends a request (`rules[].from[].source` of an AuthorizationPolicy).
 *
 * @example
 * Source.fromServiceAccounts(productpageSa)      // principals: ['cluster.local/ns/bookinfo/sa/bookinfo-productpage']
 * Source.fromNamespaces('frontend')
 * Source.of({ ipBlocks: ['10.0.0.0/8'], notPrincipals: ['cluster.local/ns/test/sa/*'] })
 *
 * @see https://istio.io/latest/docs/reference/config/security/authorization-policy/#Source
 */
export class Source {
  /**
   * A source with the given fields.
   *
   * @example
   * Source.of({ namespaces: ['prod'], notIpBlocks: ['10.1.0.0/16'] })
   */
  public static of(options: SourceOptions): Source {
    return new Source(options, []);
  }

  /**
   * Requests from workloads running as these service accounts: principals
   * `cluster.local/ns/<namespace>/sa/<name>`, where the namespace is the service account's own,
   * else its chart's, else `default`. Computed at synthesis.
   *
   * @example
   * Source.fromServiceAccounts(productpageSa, reviewsSa)
   */
  public static fromServiceAccounts(...serviceAccounts: IServiceAccountLike[]): Source {
    return new Source({}, serviceAccounts);
  }

  /**
   * Requests from workloads in these namespaces (requires mTLS).
   *
   * @example
   * Source.fromNamespaces('frontend', 'istio-system')
   */
  public static fromNamespaces(...namespaces: string[]): Source {
    return new Source({ namespaces }, []);
  }

  /**
   * Requests from these peer identities (requires mTLS).
   *
   * @example
   * Source.fromPrincipals('cluster.local/ns/istio-system/sa/istio-ingressgateway-service-account')
   */
  public static fromPrincipals(...principals: string[]): Source {
    return new Source({ principals }, []);
  }

  /**
   * Requests carrying a JWT with these principals (`<iss>/<sub>`; `*` means any valid JWT).
   *
   * @example
   * Source.fromRequestPrincipals('*')
   */
  public static fromRequestPrincipals(...requestPrincipals: string[]): Source {
    return new Source({ requestPrincipals }, []);
  }

  /**
   * Requests from these IPs or CIDR blocks.
   *
   * @example
   * Source.fromIpBlocks('10.0.0.0/8')
   */
  public static fromIpBlocks(...ipBlocks: string[]): Source {
    return new Source({ ipBlocks }, []);
  }

  /**
   * The SPIFFE-style principal of a service account: `<trustDomain>/ns/<namespace>/sa/<name>`.
   *
   * @param trustDomain the mesh trust domain @default 'cluster.local'
   * @example
   * Source.of({ notPrincipals: [Source.principalOf(testSa)] })
   */
  public static principalOf(serviceAccount: IServiceAccountLike, trustDomain: string = DEFAULT_TRUST_DOMAIN): string {
    const ns = serviceAccount.toSubjectConfiguration().namespace ?? Chart.of(serviceAccount).namespace ?? 'default';
    return `${trustDomain}/ns/${ns}/sa/${serviceAccount.name}`;
  }

  private constructor(
    private readonly options: SourceOptions,
    private readonly serviceAccounts: IServiceAccountLike[],
  ) {}

  /** @internal */
  public _toIstio(): any {
    const fields = this.fields();
    const out: any = {};
    for (const f of SOURCE_FIELDS) if (fields[f] !== undefined) out[f] = renderableList(fields[f]);
    return { source: out };
  }

  /**
   * What the manifest cannot show (CI0019): options that are not lists, and values given to
   * `fromServiceAccounts` that are not service accounts. `problems` is positioned at the source.
   * @internal
   */
  public _validateOptions(problems: ProblemCollector): void {
    for (const f of SOURCE_FIELDS) listProblem(problems, f, this.options[f], f);
    const invalid = this._invalidServiceAccounts();
    if (invalid > 0) {
      problems.add('CI0019', 'principals', undefined,
        `the source (Source.fromServiceAccounts) was given ${invalid} value(s) that are not service accounts; they are left out of the principals`,
        'pass kplus.ServiceAccount objects (or ServiceAccount.fromServiceAccountName), or list principals with Source.fromPrincipals');
    }
  }

  /**
   * The service accounts given to `fromServiceAccounts` that are not service accounts (a
   * plain-JavaScript caller may pass anything); they are left out of the principals.
   * @internal
   */
  public _invalidServiceAccounts(): number {
    return this.serviceAccounts.filter((sa) => !isServiceAccount(sa)).length;
  }

  /** The source's fields with the service-account principals resolved. */
  private fields(): SourceOptions {
    if (this.serviceAccounts.length === 0) return this.options;
    const given = renderableList(this.options.principals) ?? [];
    return {
      ...this.options,
      principals: [...given, ...this.serviceAccounts.filter(isServiceAccount).map((sa) => Source.principalOf(sa))],
    };
  }
}

/**
 * Fields of an {@link Operation}; every list is OR, fields are AND. `not*` fields exclude.
 *
 * @see https://istio.io/latest/docs/reference/config/security/authorization-policy/#Operation
 */
export interface OperationOptions {
  /** Hosts (Host/authority header; prefix/suffix `*` allowed); HTTP only. @default - any */
  readonly hosts?: string[];
  /** Excluded hosts. @default - none excluded */
  readonly notHosts?: string[];
  /** Destination ports of the workload (1-65535). @default - any */
  readonly ports?: number[];
  /** Excluded destination ports. @default - none excluded */
  readonly notPorts?: number[];
  /** HTTP methods, uppercase (gRPC requests are always POST); HTTP only. @default - any */
  readonly methods?: string[];
  /** Excluded HTTP methods. @default - none excluded */
  readonly notMethods?: string[];
  /** Paths (exact, prefix `/api/*`, suffix `*.js`, or templates `/foo/{*}`); HTTP only. @default - any */
  readonly paths?: string[];
  /** Excluded paths. @default - none excluded */
  readonly notPaths?: string[];
}

const OPERATION_FIELDS: Array<keyof OperationOptions> = ['hosts', 'notHosts', 'ports', 'notPorts', 'methods', 'notMethods', 'paths', 'notPaths'];
/**
 * What a request does (`rules[].to[].operation` of an AuthorizationPolicy).
 *
 * @example
 * Operation.of({ methods: ['GET'], paths: ['/api/*'] })
 * Operation.ports(8080)
 *
 * @see https://istio.io/latest/docs/reference/config/security/authorization-policy/#Operation
 */
export class Operation {
  /**
   * An operation with the given fields.
   *
   * @example
   * Operation.of({ methods: ['GET', 'HEAD'], notPaths: ['/admin/*'] })
   */
  public static of(options: OperationOptions): Operation {
    return new Operation({ ...options });
  }

  /**
   * Requests with these HTTP methods.
   *
   * @example
   * Operation.methods('GET', 'HEAD')
   */
  public static methods(...methods: string[]): Operation {
    return new Operation({ methods });
  }

  /**
   * Requests to these paths.
   *
   * @example
   * Operation.paths('/productpage', '/static/*')
   */
  public static paths(...paths: string[]): Operation {
    return new Operation({ paths });
  }

  /**
   * Connections to these workload ports (works for TCP too).
   *
   * @example
   * Operation.ports(9080)
   */
  public static ports(...ports: number[]): Operation {
    return new Operation({ ports });
  }

  private constructor(private readonly options: OperationOptions) {}

  /** Whether the operation matches on ports (usable for TCP traffic). */
  public get hasPorts(): boolean {
    return (this.options.ports?.length ?? 0) > 0 || (this.options.notPorts?.length ?? 0) > 0;
  }

  /** @internal */
  public _toIstio(): any {
    const o = this.options;
    const op: any = {};
    for (const f of OPERATION_FIELDS) {
      const v = o[f];
      if (v === undefined) continue;
      // ports render as strings (the CRD's type)
      const list = renderableList<unknown>(v);
      op[f] = f === 'ports' || f === 'notPorts' ? list?.map(String) : list;
    }
    return { operation: op };
  }

  /**
   * What the manifest cannot show (CI0019): options that are not lists. `problems` is positioned
   * at the operation.
   * @internal
   */
  public _validateOptions(problems: ProblemCollector): void {
    for (const f of OPERATION_FIELDS) listProblem(problems, f, this.options[f], f);
  }
}

/**
 * Options of {@link Condition.of}.
 *
 * @see https://istio.io/latest/docs/reference/config/security/authorization-policy/#Condition
 */
export interface ConditionOptions {
  /** Values that match. @default - none (then notValues is required) */
  readonly values?: string[];
  /** Values that do not match. @default - none (then values is required) */
  readonly notValues?: string[];
}

/**
 * An extra condition on a request (`rules[].when[]` of an AuthorizationPolicy).
 *
 * @example
 * Condition.of('request.auth.claims[groups]', { values: ['admins'] })
 * Condition.notValues('source.ip', '10.0.0.1')
 *
 * @see https://istio.io/latest/docs/reference/config/security/conditions/
 */
export class Condition {
  /**
   * A condition on `key` with values and/or notValues.
   *
   * @example
   * Condition.of('request.headers[x-tenant]', { values: ['a', 'b'], notValues: ['b-test'] })
   */
  public static of(key: string, options: ConditionOptions): Condition {
    return new Condition(key, options.values, options.notValues);
  }

  /**
   * Matches when the attribute has one of the values.
   *
   * @example
   * Condition.values('request.auth.claims[iss]', 'https://accounts.google.com')
   */
  public static values(key: string, ...values: string[]): Condition {
    return new Condition(key, values, undefined);
  }

  /**
   * Matches when the attribute has none of the values.
   *
   * @example
   * Condition.notValues('destination.port', '8080')
   */
  public static notValues(key: string, ...notValues: string[]): Condition {
    return new Condition(key, undefined, notValues);
  }

  private constructor(
    /** The attribute, e.g. `request.headers[x-token]`. */
    public readonly key: string,
    private readonly vals: string[] | undefined,
    private readonly notVals: string[] | undefined,
  ) {}

  /** @internal */
  public _toIstio(): any {
    return { key: this.key, values: renderableList(this.vals), notValues: renderableList(this.notVals) };
  }

  /**
   * What the manifest cannot show (CI0019): values that are not lists. `problems` is positioned
   * at the condition.
   * @internal
   */
  public _validateOptions(problems: ProblemCollector): void {
    listProblem(problems, 'values', this.vals, 'values');
    listProblem(problems, 'notValues', this.notVals, 'notValues');
  }
}

/**
 * One rule of an AuthorizationPolicy: it matches when one of `from` AND one of `to` AND every
 * `when` condition match. An empty rule (`{}`) matches every request.
 *
 * @see https://istio.io/latest/docs/reference/config/security/authorization-policy/#Rule
 */
export interface AuthorizationRule {
  /**
   * Sources (OR).
   *
   * @default - any source
   */
  readonly from?: Source[];
  /**
   * Operations (OR).
   *
   * @default - any operation
   */
  readonly to?: Operation[];
  /**
   * Conditions (AND).
   *
   * @default - no extra conditions
   */
  readonly when?: Condition[];
}

/** Whether `x` looks like a cdk8s-plus service account (a plain-JavaScript caller may pass anything). */
function isServiceAccount(x: unknown): x is IServiceAccountLike {
  return typeof (x as any)?.toSubjectConfiguration === 'function' && typeof (x as any)?.name === 'string';
}
