/**
 * Pins which imported (L1) class stands for which Istio API version.
 *
 * `cdk8s import` gives the unsuffixed class name to the first version listed in a CRD; for Istio
 * 1.30 that is `v1` for the networking and security kinds. The checks below make a regeneration
 * that changes this ordering fail loudly instead of silently emitting another API version.
 */
import * as networking from '../../../imports/networking.istio.io';
import * as security from '../../../imports/security.istio.io';

export { networking, security };

export const NETWORKING_V1 = 'networking.istio.io/v1';
export const SECURITY_V1 = 'security.istio.io/v1';

for (const [cls, expected] of [
  [networking.VirtualService, NETWORKING_V1],
  [networking.DestinationRule, NETWORKING_V1],
  [networking.Gateway, NETWORKING_V1],
  [networking.ServiceEntry, NETWORKING_V1],
  [networking.Sidecar, NETWORKING_V1],
  [networking.WorkloadEntry, NETWORKING_V1],
  [security.AuthorizationPolicy, SECURITY_V1],
  [security.PeerAuthentication, SECURITY_V1],
  [security.RequestAuthentication, SECURITY_V1],
] as const) {
  if (cls.GVK.apiVersion !== expected) {
    throw new Error(`imports/ pins ${cls.GVK.kind} to ${cls.GVK.apiVersion}, expected ${expected}; run 'npm run import' and check lib/istio/private/l1.ts`);
  }
}
