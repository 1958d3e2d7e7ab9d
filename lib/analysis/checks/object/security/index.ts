import { ObjectCheck } from '../../../check';
import { CustomActionIdentityMatch } from './custom-action-identity-match';
import { DenyRuleBlocksTcp } from './deny-rule-blocks-tcp';
import { EmptyAuthorizationMatch } from './empty-authorization-match';
import { EmptyJwtAudience } from './empty-jwt-audience';
import { EmptyMatchValue } from './empty-match-value';
import { InvalidAuthorizationAction } from './invalid-authorization-action';
import { InvalidConditionKey } from './invalid-condition-key';
import { InvalidConditionValues } from './invalid-condition-values';
import { InvalidDryRunAnnotation } from './invalid-dry-run-annotation';
import { InvalidJwks } from './invalid-jwks';
import { InvalidJwksUri } from './invalid-jwks-uri';
import { InvalidJwtClaimToHeader } from './invalid-jwt-claim-to-header';
import { InvalidJwtIssuer } from './invalid-jwt-issuer';
import { InvalidJwtTimeout } from './invalid-jwt-timeout';
import { InvalidJwtTokenLocation } from './invalid-jwt-token-location';
import { InvalidOperationPort } from './invalid-operation-port';
import { InvalidPathTemplate } from './invalid-path-template';
import { InvalidPortLevelMtls } from './invalid-port-level-mtls';
import { InvalidSourceIpBlock } from './invalid-source-ip-block';
import { InvalidSourceServiceAccount } from './invalid-source-service-account';
import { InvalidSourceTrustDomain } from './invalid-source-trust-domain';
import { LiteralWildcardInMatch } from './literal-wildcard-in-match';
import { LowercaseHttpMethod } from './lowercase-http-method';
import { RequestAuthenticationWithoutRules } from './request-authentication-without-rules';

/**
 * The object checks of this folder, in code order (see the registry): CI07xx AuthorizationPolicy,
 * CI08xx PeerAuthentication (CI0801-CI0810) and RequestAuthentication (CI0811-).
 */
export const SECURITY_CHECKS: readonly ObjectCheck[] = [
  InvalidAuthorizationAction, CustomActionIdentityMatch, EmptyAuthorizationMatch, EmptyMatchValue, InvalidSourceIpBlock,
  InvalidSourceServiceAccount, InvalidSourceTrustDomain, InvalidOperationPort, InvalidPathTemplate, InvalidConditionKey,
  InvalidConditionValues, DenyRuleBlocksTcp, LiteralWildcardInMatch, LowercaseHttpMethod, InvalidDryRunAnnotation,
  InvalidPortLevelMtls,
  InvalidJwtIssuer, InvalidJwksUri, InvalidJwks, InvalidJwtTokenLocation, InvalidJwtClaimToHeader, EmptyJwtAudience,
  InvalidJwtTimeout, RequestAuthenticationWithoutRules,
];
