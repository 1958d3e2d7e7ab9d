import { ObjectCheck } from '../../../check';
import { InvalidVirtualServiceHost } from './invalid-virtual-service-host';
import { DuplicateVirtualServiceHost } from './duplicate-virtual-service-host';
import { VirtualServiceWithoutRoutes } from './virtual-service-without-routes';
import { InvalidDelegateVirtualService } from './invalid-delegate-virtual-service';
import { InvalidGatewayReference } from './invalid-gateway-reference';
import { JwtClaimRoutingAtSidecar } from './jwt-claim-routing-at-sidecar';
import { InvalidHttpRouteAction } from './invalid-http-route-action';
import { InvalidRegex } from './invalid-regex';
import { InvalidStringMatch } from './invalid-string-match';
import { UriPrefixWithoutSlash } from './uri-prefix-without-slash';
import { InvalidMatchHeaderName } from './invalid-match-header-name';
import { InvalidMatchPort } from './invalid-match-port';
import { InvalidMatchSource } from './invalid-match-source';
import { InvalidHeaderOperation } from './invalid-header-operation';
import { InvalidHeaderValue } from './invalid-header-value';
import { AuthorityRewrittenTwice } from './authority-rewritten-twice';
import { InvalidCorsPolicy } from './invalid-cors-policy';
import { InvalidFaultInjection } from './invalid-fault-injection';
import { InvalidHttpRetry } from './invalid-http-retry';
import { InvalidHttpRedirect } from './invalid-http-redirect';
import { InvalidHttpRewrite } from './invalid-http-rewrite';
import { InvalidDirectResponse } from './invalid-direct-response';
import { InvalidHttpMirror } from './invalid-http-mirror';
import { InvalidDestination } from './invalid-destination';
import { InvalidRouteWeights } from './invalid-route-weights';
import { InvalidHttpTimeout } from './invalid-http-timeout';
import { InvalidTcpRoute } from './invalid-tcp-route';
import { InvalidTlsRoute } from './invalid-tls-route';
import { InvalidSniHost } from './invalid-sni-host';
import { InvalidDestinationSubnet } from './invalid-destination-subnet';
import { IneffectiveRouteMatch } from './ineffective-route-match';
import { DuplicateHttpRouteName } from './duplicate-http-route-name';
import { InvalidDelegateReference } from './invalid-delegate-reference';

/**
 * The object checks of this folder, in code order (see the registry): Istio's webhook rules for
 * VirtualService (ValidateVirtualService, validateHTTPRoute and the validators they call, Istio
 * 1.30.3), over rendered manifests of every served version.
 */
export const VIRTUAL_SERVICE_CHECKS: readonly ObjectCheck[] = [
  InvalidVirtualServiceHost, DuplicateVirtualServiceHost, VirtualServiceWithoutRoutes, InvalidDelegateVirtualService,
  InvalidGatewayReference, JwtClaimRoutingAtSidecar, InvalidHttpRouteAction,
  InvalidRegex, InvalidStringMatch, UriPrefixWithoutSlash, InvalidMatchHeaderName, InvalidMatchPort,
  InvalidMatchSource, InvalidHeaderOperation, InvalidHeaderValue, AuthorityRewrittenTwice, InvalidCorsPolicy,
  InvalidFaultInjection, InvalidHttpRetry, InvalidHttpRedirect, InvalidHttpRewrite, InvalidDirectResponse,
  InvalidHttpMirror, InvalidDestination, InvalidRouteWeights, InvalidHttpTimeout, InvalidTcpRoute, InvalidTlsRoute,
  InvalidSniHost, InvalidDestinationSubnet, IneffectiveRouteMatch, DuplicateHttpRouteName, InvalidDelegateReference,
];
