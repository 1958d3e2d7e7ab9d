/**
 * The findings of typed routing values once rendered: a VirtualService with them is built and its
 * manifest checked (the webhook rules are checks over manifests, not validations of the values).
 */
import { Testing } from 'cdk8s';
import { HttpRouteOptions } from '../../../lib/istio/routing/http-route';
import { VirtualService, VirtualServiceProps } from '../../../lib/istio/virtual-service';
import { findingsOf } from '../../util/findings';

/** `[code, field, severity]` of every finding of a VirtualService `reviews` with these HTTP routes (and props). */
export function routeFindings(routes: HttpRouteOptions | HttpRouteOptions[], props: VirtualServiceProps = {}): string[][] {
  const vs = new VirtualService(Testing.chart(), 'vs', { hosts: ['reviews'], httpRoutes: Array.isArray(routes) ? routes : [routes], ...props });
  return findingsOf(vs).map((f) => [f.code, f.field, f.severity]);
}
