import { ApiObject, Lazy } from 'cdk8s';
import { Construct } from 'constructs';
import { ProblemCollector, Severity } from '../../analysis/finding';
import { IstioResource, IstioResourceProps } from '../base';
import { security } from '../private/l1';
import { WorkloadSelector } from '../workload-selector';

const HEADER_NAME = /^[-_A-Za-z0-9]+$/;

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
    for (const r of props.jwtRules ?? []) this.addJwtRule(r);
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
        audiences: r.audiences ? [...r.audiences] : undefined,
        forwardOriginalToken: r.forwardOriginalToken,
        fromHeaders: r.fromHeaders?.map((h) => ({ name: h.name, prefix: h.prefix })),
        fromParams: r.fromParams ? [...r.fromParams] : undefined,
        outputPayloadToHeader: r.outputPayloadToHeader,
        outputClaimToHeaders: r.outputClaimToHeaders?.map((c) => ({ header: c.header, claim: c.claim })),
      })) : undefined,
    };
  }

  protected validateSpec(problems: ProblemCollector): void {
    const spec = problems.at('spec');
    this.selector?._validate(spec.at('selector.matchLabels'), this.namespace);
    if (this._jwtRules.length === 0) {
      spec.add('CI0015', 'jwtRules', [], 'a RequestAuthentication without jwtRules has no effect', 'add a JWT rule with addJwtRule', Severity.WARNING);
    }
    this._jwtRules.forEach((r, i) => validateJwtRule(spec.at(`jwtRules[${i}]`), r));
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

function validateJwtRule(at: ProblemCollector, r: JwtRule): void {
  if (r.issuer === '') {
    at.add('CI0015', 'issuer', r.issuer, 'issuer must not be empty (the CRD requires at least 1 character)', 'set issuer to the token\'s iss claim, or omit it and set jwksUri to accept any issuer');
  } else if (r.issuer === undefined && !r.jwksUri) {
    at.add('CI0015', 'issuer', r.issuer, 'a JWT rule needs an issuer or a jwksUri', 'set issuer to the token\'s iss claim, or jwksUri to the key set URL');
  }
  if (r.jwksUri !== undefined && r.jwks !== undefined) {
    at.add('CI0017', 'jwks', '(inline key set)', 'jwks and jwksUri cannot both be set', 'keep either the inline key set or the URL');
  }
  if (r.jwksUri !== undefined) {
    let scheme: string | undefined;
    try {
      scheme = new URL(r.jwksUri).protocol;
    } catch {
      scheme = undefined;
    }
    if (scheme !== 'http:' && scheme !== 'https:') {
      at.add('CI0017', 'jwksUri', r.jwksUri, `jwksUri '${r.jwksUri}' is not an http:// or https:// URL`, 'use the https URL of the issuer\'s JWKS');
    }
  }
  if (r.jwks !== undefined) {
    const p = jwksProblem(r.jwks);
    if (p) at.add('CI0017', 'jwks', '(inline key set)', `jwks ${p}`, 'pass the JSON key set, e.g. JSON.stringify({ keys: [...] })');
  }
  (r.audiences ?? []).forEach((a, j) => {
    if (!a) at.add('CI0017', `audiences[${j}]`, a, 'audiences must not contain empty values', 'remove the empty audience');
  });
  (r.fromHeaders ?? []).forEach((h, j) => {
    if (!h.name) at.add('CI0015', `fromHeaders[${j}].name`, h.name, 'a token header needs a name', 'set the header name, e.g. \'x-jwt-assertion\'');
  });
  (r.fromParams ?? []).forEach((p, j) => {
    if (!p) at.add('CI0017', `fromParams[${j}]`, p, 'fromParams must not contain empty values', 'remove the empty parameter');
  });
  if (r.outputPayloadToHeader !== undefined && !HEADER_NAME.test(r.outputPayloadToHeader)) {
    at.add('CI0009', 'outputPayloadToHeader', r.outputPayloadToHeader, `header name '${r.outputPayloadToHeader}' may only contain letters, digits, '-' and '_'`, 'use a header name such as x-jwt-payload');
  }
  (r.outputClaimToHeaders ?? []).forEach((c, j) => {
    if (!c.claim) at.add('CI0015', `outputClaimToHeaders[${j}].claim`, c.claim, 'outputClaimToHeaders needs a claim', 'set the claim to copy');
    if (!c.header) {
      at.add('CI0015', `outputClaimToHeaders[${j}].header`, c.header, 'outputClaimToHeaders needs a header', 'set the header to write');
    } else if (!HEADER_NAME.test(c.header)) {
      at.add('CI0009', `outputClaimToHeaders[${j}].header`, c.header, `header name '${c.header}' may only contain letters, digits, '-' and '_'`, 'use a header name such as x-jwt-sub');
    }
  });
}

function jwksProblem(jwks: string): string | undefined {
  let parsed: any;
  try {
    parsed = JSON.parse(jwks);
  } catch (e) {
    return `is not valid JSON (${(e as Error).message})`;
  }
  const keys = Array.isArray(parsed?.keys) ? parsed.keys : [parsed];
  if (keys.length === 0) return 'has no keys';
  if (keys.some((k: any) => typeof k !== 'object' || k === null || typeof k.kty !== 'string')) return 'has a key without a \'kty\' member (not a JSON Web Key)';
  return undefined;
}
