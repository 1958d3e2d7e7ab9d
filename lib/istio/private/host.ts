import { Chart } from 'cdk8s';
import { IConstruct } from 'constructs';
import { IServiceLike } from '../kube-objects';

/** The cluster DNS suffix Istio assumes for Kubernetes Services. */
export const CLUSTER_DOMAIN = 'svc.cluster.local';

/** The namespace a construct's object is applied to (its own, else its chart's), or `undefined`. */
export function namespaceOf(c: IConstruct & { metadata?: { namespace?: string } }): string | undefined {
  return c.metadata?.namespace ?? Chart.of(c).namespace;
}

/** The fully qualified host of a Service: `<name>.<namespace>.svc.cluster.local`. */
export function serviceFqdn(svc: IServiceLike): string {
  return `${svc.name}.${namespaceOf(svc) ?? 'default'}.${CLUSTER_DOMAIN}`;
}

/**
 * The host a rule in `fromNamespace` uses to reach `svc`.
 *
 * Istio resolves a short host in the namespace of the rule, not of the Service, so the short
 * name is right only when both share a namespace; otherwise the FQDN is rendered.
 */
export function serviceHost(svc: IServiceLike, fromNamespace: string | undefined): string {
  const ns = namespaceOf(svc);
  return (ns ?? 'default') === (fromNamespace ?? 'default') ? svc.name : serviceFqdn(svc);
}
