import { Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { ProblemCollector, Severity } from '../../analysis/finding';
import { ipOrCidrProblem } from '../../analysis/values/ip';

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
}

type SourceField = keyof SourceOptions;
const SOURCE_FIELDS: SourceField[] = [
  'principals', 'notPrincipals', 'requestPrincipals', 'notRequestPrincipals', 'namespaces', 'notNamespaces',
  'ipBlocks', 'notIpBlocks', 'remoteIpBlocks', 'notRemoteIpBlocks', 'serviceAccounts', 'notServiceAccounts',
];
const IP_FIELDS: SourceField[] = ['ipBlocks', 'notIpBlocks', 'remoteIpBlocks', 'notRemoteIpBlocks'];
// Istio's webhook: CUSTOM policies cannot match on identities (the ext-authz server sees them itself)
const CUSTOM_FORBIDDEN: SourceField[] = [
  'principals', 'notPrincipals', 'requestPrincipals', 'notRequestPrincipals', 'namespaces', 'notNamespaces', 'serviceAccounts', 'notServiceAccounts',
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
  public static fromServiceAccounts(...serviceAccounts: kplus.IServiceAccount[]): Source {
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
  public static principalOf(serviceAccount: kplus.IServiceAccount, trustDomain: string = DEFAULT_TRUST_DOMAIN): string {
    const ns = serviceAccount.toSubjectConfiguration().namespace ?? Chart.of(serviceAccount).namespace ?? 'default';
    return `${trustDomain}/ns/${ns}/sa/${serviceAccount.name}`;
  }

  private constructor(
    private readonly options: SourceOptions,
    private readonly serviceAccounts: kplus.IServiceAccount[],
  ) {}

  /** @internal */
  public _toIstio(): any {
    const fields = this.fields();
    const out: any = {};
    for (const f of SOURCE_FIELDS) if (fields[f] !== undefined) out[f] = fields[f];
    return { source: out };
  }

  /**
   * `problems` is positioned at `spec.rules[i].from[j]`.
   * @internal
   */
  public _validate(problems: ProblemCollector, action: string): void {
    const fields = this.fields();
    const at = problems.at('source');
    if (SOURCE_FIELDS.every((f) => (fields[f]?.length ?? 0) === 0)) {
      at.add('CI0014', '', {}, 'a source must set at least one field; an empty source is rejected',
        'add principals, namespaces, ipBlocks, ... or drop the from entry to match any source');
    }
    for (const f of SOURCE_FIELDS) {
      (fields[f] ?? []).forEach((v, i) => {
        if (typeof v !== 'string' || v === '') at.add('CI0014', `${f}[${i}]`, v, `${f} must not contain empty values`, 'remove the empty value');
      });
    }
    for (const f of IP_FIELDS) {
      (fields[f] ?? []).forEach((v, i) => {
        const p = v ? ipOrCidrProblem(v) : undefined;
        if (p) at.add('CI0017', `${f}[${i}]`, v, `'${v}' ${p}`, 'use an IP such as 10.1.2.3 or a CIDR block such as 10.0.0.0/16');
      });
    }
    const sa = (fields.serviceAccounts?.length ?? 0) > 0 || (fields.notServiceAccounts?.length ?? 0) > 0;
    const idOrNs = ['principals', 'notPrincipals', 'namespaces', 'notNamespaces'].some((f) => (fields[f as SourceField]?.length ?? 0) > 0);
    if (sa && idOrNs) {
      at.add('CI0014', 'serviceAccounts', fields.serviceAccounts ?? fields.notServiceAccounts,
        'serviceAccounts cannot be combined with principals or namespaces', 'use either serviceAccounts or principals/namespaces in one source');
    }
    for (const f of ['serviceAccounts', 'notServiceAccounts'] as SourceField[]) {
      if ((fields[f]?.length ?? 0) > 16) at.add('CI0014', f, fields[f], `${f} allows at most 16 entries, got ${fields[f]!.length}`, 'split the source into several from entries');
    }
    if (action === 'CUSTOM') {
      for (const f of CUSTOM_FORBIDDEN) {
        if ((fields[f]?.length ?? 0) > 0) {
          at.add('CI0014', f, fields[f], `${f} is not supported with action CUSTOM`, 'match on ipBlocks or request attributes, or use an ALLOW/DENY policy for identities');
        }
      }
    }
  }

  /**
   * Whether the source matches on fields that also apply to TCP traffic (identities, namespaces, IPs).
   * @internal
   */
  public _hasTcpFields(): boolean {
    const f = this.fields();
    return ['principals', 'notPrincipals', 'namespaces', 'notNamespaces', ...IP_FIELDS].some((k) => f[k as SourceField] !== undefined);
  }

  /** The source's fields with the service-account principals resolved. */
  private fields(): SourceOptions {
    if (this.serviceAccounts.length === 0) return this.options;
    return {
      ...this.options,
      principals: [...(this.options.principals ?? []), ...this.serviceAccounts.map((sa) => Source.principalOf(sa))],
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
// Path templates may only use {*} and {**}; named variables, {} and bare * / ** segments are rejected
const UNSUPPORTED_PATH_TEMPLATE = /\/\{\w+=\*\*?\}|\{\w*\}|\/\*\*?|\*\*?\//;

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
      op[f] = f === 'ports' || f === 'notPorts' ? (v as unknown[]).map(String) : [...(v as string[])];
    }
    return { operation: op };
  }

  /**
   * `problems` is positioned at `spec.rules[i].to[j]`.
   * @internal
   */
  public _validate(problems: ProblemCollector): void {
    const o = this.options;
    const at = problems.at('operation');
    if (OPERATION_FIELDS.every((f) => (o[f]?.length ?? 0) === 0)) {
      at.add('CI0014', '', {}, 'an operation must set at least one field; an empty operation is rejected',
        'add methods, paths, ports or hosts, or drop the to entry to match any operation');
    }
    for (const f of ['ports', 'notPorts'] as const) {
      (o[f] ?? []).forEach((p, i) => {
        if (!/^\d+$/.test(String(p)) || Number(p) < 1 || Number(p) > 65535) {
          at.add('CI0003', `${f}[${i}]`, String(p), `port '${p}' must be an integer from 1 to 65535`, 'use the workload (container) port number');
        }
      });
    }
    for (const f of ['hosts', 'notHosts', 'methods', 'notMethods', 'paths', 'notPaths'] as const) {
      (o[f] ?? []).forEach((v, i) => {
        if (typeof v !== 'string' || v === '') at.add('CI0014', `${f}[${i}]`, v, `${f} must not contain empty values`, 'remove the empty value');
      });
    }
    for (const f of ['methods', 'notMethods'] as const) {
      (o[f] ?? []).forEach((m, i) => {
        if (m && m !== m.toUpperCase()) {
          at.add('CI0017', `${f}[${i}]`, m, `method '${m}' is not uppercase; Istio compares methods case-sensitively, so it never matches`, `use '${m.toUpperCase()}'`, Severity.WARNING);
        }
      });
    }
    for (const f of ['paths', 'notPaths'] as const) {
      (o[f] ?? []).forEach((p, i) => {
        if (p && (p.includes('{*}') || p.includes('{**}')) && UNSUPPORTED_PATH_TEMPLATE.test(p)) {
          at.add('CI0017', `${f}[${i}]`, p, `path '${p}' is an invalid or unsupported path template (only {*} and {**} segments are allowed)`, 'use {*} for one segment and {**} for the rest');
        }
      });
    }
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

const PLAIN_KEYS = new Set(['source.ip', 'remote.ip', 'source.namespace', 'source.principal', 'source.serviceAccount', 'request.auth.principal',
  'request.auth.audiences', 'request.auth.presenter', 'destination.ip', 'destination.port', 'connection.sni']);
const IP_KEYS = new Set(['source.ip', 'remote.ip', 'destination.ip']);
const MAP_KEY_PREFIXES = ['request.headers', 'request.auth.claims', 'experimental.envoy.filters.'];
const CUSTOM_FORBIDDEN_KEYS = new Set(['source.namespace', 'source.principal', 'source.serviceAccount']);

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
    return { key: this.key, values: this.vals ? [...this.vals] : undefined, notValues: this.notVals ? [...this.notVals] : undefined };
  }

  /**
   * `problems` is positioned at `spec.rules[i].when[j]`.
   * @internal
   */
  public _validate(problems: ProblemCollector, action: string): void {
    const key = this.key;
    if (!key) {
      problems.add('CI0015', 'key', key, 'a condition needs a key', 'set the key, e.g. \'request.headers[x-token]\'');
      return;
    }
    const values = this.vals ?? [];
    const notValues = this.notVals ?? [];
    if (values.length === 0 && notValues.length === 0) {
      problems.add('CI0014', '', key, `condition '${key}' needs values or notValues`, 'add at least one value');
    }
    const keyProblem = conditionKeyProblem(key);
    if (keyProblem) problems.add('CI0014', 'key', key, `condition key '${key}' ${keyProblem}`, 'use a supported key, see https://istio.io/latest/docs/reference/config/security/conditions/');
    for (const [field, list] of [['values', values], ['notValues', notValues]] as const) {
      list.forEach((v, i) => {
        if (typeof v !== 'string' || v === '') {
          problems.add('CI0014', `${field}[${i}]`, v, `condition '${key}' must not have empty values`, 'remove the empty value');
          return;
        }
        if (IP_KEYS.has(key)) {
          const p = ipOrCidrProblem(v);
          if (p) problems.add('CI0017', `${field}[${i}]`, v, `'${v}' ${p}`, 'use an IP or a CIDR block');
        }
        if (key === 'destination.port' && (!/^\d+$/.test(v) || Number(v) > 65535)) {
          problems.add('CI0003', `${field}[${i}]`, v, `port '${v}' must be an integer from 0 to 65535`, 'use a port number');
        }
      });
    }
    if (action === 'CUSTOM' && (CUSTOM_FORBIDDEN_KEYS.has(key) || key.startsWith('request.auth.'))) {
      problems.add('CI0014', 'key', key, `condition key '${key}' is not supported with action CUSTOM`, 'match identities in an ALLOW/DENY policy instead');
    }
  }
}

function conditionKeyProblem(key: string): string | undefined {
  if (PLAIN_KEYS.has(key)) return undefined;
  const prefix = MAP_KEY_PREFIXES.find((p) => key.startsWith(p));
  if (prefix) {
    const open = key.indexOf('[');
    return key.endsWith(']') && open > 0 && open < key.length - 2 ? undefined : 'must have the form name[key], e.g. request.headers[x-token]';
  }
  if (key === 'destination.namespace') return 'is not supported; the policy\'s own namespace is the destination namespace';
  if (key.startsWith('destination.labels')) return 'is not supported; use the policy selector instead';
  if (key === 'destination.name' || key === 'destination.user') return 'was removed (v1alpha1 only)';
  return 'is not a known attribute';
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
