import { ApiObject, Lazy } from 'cdk8s';
import { Construct } from 'constructs';
import { ProblemCollector } from '../../analysis/finding';
import { IstioResource, IstioResourceProps } from '../base';
import { security } from '../private/l1';
import { listProblem, renderableList } from '../private/lists';
import { WorkloadSelector } from '../workload-selector';

/**
 * A header a JWT is read from.
 *
 * @see https://istio.io/latest/docs/reference/config/security/jwt/#JWTHeader
 */
export interface JwtHeader {
  /** The header name, e.g. `x-jwt-assertion`. */
  readonly name: string;
  /**
   * A prefix to strip, e.g. `Bearer ` (with the space).
   *
   * @default - no prefix
   */
  readonly prefix?: string;
}

/**
 * Copies a JWT claim into a request header.
 *
 * @see https://istio.io/latest/docs/reference/config/security/jwt/#ClaimToHeader
 */
export interface JwtClaimToHeader {
  /** The header to set (letters, digits, `-` and `_`). */
  readonly header: string;
  /** The claim to copy (nested claims with `.`, e.g. `nested.key`). */
  readonly claim: string;
}

/**
 * How to validate JWTs from one issuer.
 *
 * @see https://istio.io/latest/docs/reference/config/security/jwt/#JWTRule
 */
export interface JwtRule {
  /**
   * The issuer (`iss` claim), e.g. `https://accounts.google.com`. Istio needs an issuer or a
   * `jwksUri` (without an issuer, tokens from any issuer whose keys verify are accepted).
   *
   * @default - any issuer; `jwksUri` is then required
   */
  readonly issuer?: string;
  /**
   * URL of the issuer's public key set (http or https).
   *
   * @default - discovered from the issuer's OpenID configuration, unless `jwks` is set
   */
  readonly jwksUri?: string;
  /**
   * The public key set inline, as a JSON string (not together with `jwksUri`).
   *
   * @default - fetched from `jwksUri`
   */
  readonly jwks?: string;
  /**
   * Accepted audiences (`aud` claim).
   *
   * @default - any audience
   */
  readonly audiences?: string[];
  /**
   * Whether to forward the token to the workload.
   *
   * @default false
   */
  readonly forwardOriginalToken?: boolean;
  /**
   * Headers to read the token from.
   *
   * @default - `Authorization: Bearer <token>`
   */
  readonly fromHeaders?: JwtHeader[];
  /**
   * Query parameters to read the token from.
   *
   * @default - `access_token` (together with the default header)
   */
  readonly fromParams?: string[];
  /**
   * A header to receive the base64-encoded payload of a valid token.
   *
   * @default - the payload is not forwarded
   */
  readonly outputPayloadToHeader?: string;
  /**
   * Claims to copy into headers.
   *
   * @default - none
   */
  readonly outputClaimToHeaders?: JwtClaimToHeader[];
}

/**
 * Properties of a {@link RequestAuthentication}.
 *
 * @see https://istio.io/latest/docs/reference/config/security/request_authentication/#RequestAuthentication
 */
export interface RequestAuthenticationProps extends IstioResourceProps {
  /**
   * The workloads the policy applies to.
   *
   * @default - every workload in the namespace (the mesh, in the root namespace)
   */
  readonly selector?: WorkloadSelector;
  /**
   * JWT rules, one per issuer.
   *
   * @default - none; add them with `addJwtRule`
   */
  readonly jwtRules?: JwtRule[];
}

/**
 * Which JWTs a workload accepts. Requests with an invalid token are rejected; requests without
 * a token are accepted unless an AuthorizationPolicy requires a request principal
 * (`Source.fromRequestPrincipals('*')`).
 *
 * @example
 * new RequestAuthentication(chart, 'jwt', {
 *   selector: WorkloadSelector.fromLabels({ istio: 'ingressgateway' }),
 *   jwtRules: [{ issuer: 'https://auth.example.com', jwksUri: 'https://auth.example.com/.well-known/jwks.json' }],
 * });
 *
 * @see https://istio.io/latest/docs/reference/config/security/request_authentication/
 */
export class RequestAuthentication extends IstioResource {
  /** The workload selector, if any. */
  public readonly selector?: WorkloadSelector;

  protected readonly apiObject: ApiObject;

  private readonly _jwtRules: JwtRule[] = [];

  constructor(scope: Construct, id: string, props: RequestAuthenticationProps = {}) {
    super(scope, id, props);
    this.selector = props.selector;
    this.apiObject = new RequestAuthenticationObject(this, 'Resource', {
      metadata: this.initialMetadata,
      spec: Lazy.any({ produce: () => this._toSpec() }),
    });
    for (const r of renderableList(props.jwtRules) ?? []) this.addJwtRule(r);
  }

  /**
   * Adds a JWT rule.
   *
   * @example
   * ra.addJwtRule({ issuer: 'testing@secure.istio.io', jwksUri: 'https://raw.githubusercontent.com/istio/istio/release-1.30/security/tools/jwt/samples/jwks.json' });
   */
  public addJwtRule(rule: JwtRule): void {
    this._jwtRules.push({ ...rule });
  }

  /** The issuers of the JWT rules. */
  public get issuers(): string[] {
    return this._jwtRules.map((r) => r.issuer).filter((i): i is string => i !== undefined);
  }

  /**
   * The rendered spec.
   * @internal
   */
  public _toSpec(): any {
    return {
      selector: this.selector?._toMatchLabels(),
      jwtRules: this._jwtRules.length > 0 ? this._jwtRules.map((r) => ({
        issuer: r.issuer,
        jwksUri: r.jwksUri,
        jwks: r.jwks,
        audiences: renderableList(r.audiences),
        forwardOriginalToken: r.forwardOriginalToken,
        fromHeaders: renderableList(r.fromHeaders)?.map((h) => ({ name: h.name, prefix: h.prefix })),
        fromParams: renderableList(r.fromParams),
        outputPayloadToHeader: r.outputPayloadToHeader,
        outputClaimToHeaders: renderableList(r.outputClaimToHeaders)?.map((c) => ({ header: c.header, claim: c.claim })),
      })) : undefined,
    };
  }

  protected validateSpec(problems: ProblemCollector): void {
    // the manifest is checked by the object checks (CI081x, CI0024); only what it cannot show stays here
    this.selector?._validate(problems.at('spec.selector.matchLabels'), this.namespace);
    this._jwtRules.forEach((r, i) => {
      const at = problems.at(`spec.jwtRules[${i}]`);
      for (const option of ['audiences', 'fromHeaders', 'fromParams', 'outputClaimToHeaders'] as const) listProblem(at, option, r[option], option);
    });
  }
}

/**
 * The imported class, with one fix: the CRD lists both `jwksUri` and its proto alias `jwks_uri`,
 * and `cdk8s import` maps the single TypeScript property to `jwks_uri`. Istio documents and
 * samples use `jwksUri`, so render that.
 */
class RequestAuthenticationObject extends security.RequestAuthentication {
  public toJson(): any {
    const json = super.toJson();
    for (const rule of json?.spec?.jwtRules ?? []) {
      if (rule && 'jwks_uri' in rule) {
        const { jwks_uri: uri, ...rest } = rule;
        Object.keys(rule).forEach((k) => delete rule[k]);
        // same alphabetical key order as the rest of the imported rendering
        Object.assign(rule, Object.fromEntries(Object.entries({ ...rest, jwksUri: uri }).sort(([a], [b]) => a.localeCompare(b))));
      }
    }
    return json;
  }
}
