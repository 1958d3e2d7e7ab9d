/**
 * The webhook's judgement of one VirtualService host, shared by the host check and the
 * duplicate-host check (which Istio runs only when every host is valid).
 */
import { isIpAddress } from '../../../../values/ip';
import { gatewayDomainProblem, wildcardDomainProblem } from './names';
import { VsContext } from './walk';

/**
 * Why Istio rejects `host` in `spec.hosts` of this VirtualService, or `undefined`: a host that is
 * not a (wildcard) DNS name nor an IP address, or `*` while the VirtualService applies to sidecars.
 */
export function vsHostProblem(ctx: VsContext, host: string): { problem: string; meshWildcard: boolean } | undefined {
  const p = ctx.appliesToGateway ? gatewayDomainProblem(ctx.routesSni, host) : wildcardDomainProblem(host);
  if (p) return isIpAddress(host) ? undefined : { problem: p, meshWildcard: false };
  if (!ctx.appliesToGateway && host === '*') {
    return { problem: 'is not allowed for a VirtualService that applies to the sidecars (no gateways, or the \'mesh\' gateway among them)', meshWildcard: true };
  }
  return undefined;
}
