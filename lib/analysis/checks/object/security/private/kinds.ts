/**
 * The group kinds of the security.istio.io checks, and the references their messages link to.
 * Istio serves v1 and v1beta1 of these kinds with the same fields, so the checks read every
 * served version alike.
 */

/** `AuthorizationPolicy.security.istio.io`. */
export const AUTHORIZATION_POLICY = 'AuthorizationPolicy.security.istio.io';
/** `PeerAuthentication.security.istio.io`. */
export const PEER_AUTHENTICATION = 'PeerAuthentication.security.istio.io';
/** `RequestAuthentication.security.istio.io`. */
export const REQUEST_AUTHENTICATION = 'RequestAuthentication.security.istio.io';

/** The AuthorizationPolicy reference. */
export const AUTHORIZATION_REFERENCE = 'https://istio.io/latest/docs/reference/config/security/authorization-policy/';
/** The authorization condition (attribute) reference. */
export const CONDITIONS_REFERENCE = 'https://istio.io/latest/docs/reference/config/security/conditions/';
