import { dns1123LabelProblem, hostProblem } from '../values/validate';

/**
 * What lives outside the objects under check, declared so that the mesh checks do not report it
 * missing: hosts served elsewhere, Gateways defined elsewhere, and namespaces (with their
 * Namespace object and Services) managed elsewhere.
 *
 * Istio resolves these references against the whole cluster; a check over some files (or one
 * cdk8s app) only sees part of it. Declarations fill that gap explicitly, instead of a
 * suppression on each object that refers to them.
 *
 * @example
 * runChecks(objects, { external: { hosts: ['*.example.com'], gateways: ['istio-system/ingressgateway'], namespaces: [{ name: 'legacy', meshed: false }] } });
 * @see https://istio.io/latest/docs/ops/diagnostic-tools/istioctl-analyze/
 */
export interface ExternalDeclarations {
  /**
   * Hosts served outside the input: Services deployed by others, or DNS names registered by a
   * ServiceEntry elsewhere. Exact (`ratings.prod.svc.cluster.local`, `api.example.com`) or with a
   * leading wildcard (`*.example.com`, `*.prod.svc.cluster.local` for every Service of `prod`);
   * `name.namespace` and `name.namespace.svc` also match the Service's full name. Destination
   * and DestinationRule hosts they cover are not reported missing (CI1002, CI1015).
   * @default - no external hosts
   */
  readonly hosts?: readonly string[];
  /**
   * Gateways defined outside the input, as `namespace/name` (`istio-system/ingressgateway`), or
   * `namespace/*` for every Gateway of a namespace. VirtualServices may bind to them (CI1001);
   * which hosts they serve is unknown, so CI1006 does not judge them.
   * @default - no external gateways
   */
  readonly gateways?: readonly string[];
  /**
   * Namespaces managed outside the input: every Service host in them counts as found (CI1002,
   * CI1015), and their mesh membership (`meshed`) stands in for the Namespace object the input
   * lacks (CI1012, CI1063); their workloads are elsewhere too (CI1009 and CI1067 do not judge
   * selectors in them). A Namespace object in the input wins over a declaration.
   * @default - no external namespaces
   */
  readonly namespaces?: readonly ExternalNamespace[];
}

/**
 * A namespace managed outside the input.
 *
 * @see https://istio.io/latest/docs/setup/additional-setup/sidecar-injection/
 */
export interface ExternalNamespace {
  /** The namespace name. */
  readonly name: string;
  /**
   * Whether its pods are in the mesh (sidecar injection or ambient).
   * @default - unknown: checks that depend on it do not judge the namespace
   */
  readonly meshed?: boolean;
}

/**
 * Problems of external declarations, one line each (an invalid host, a gateway that is not
 * `namespace/name`, an invalid namespace name); empty when they are all valid.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/virtual-service/#VirtualService
 */
export function externalDeclarationProblems(declarations: ExternalDeclarations): string[] {
  const out: string[] = [];
  for (const host of declarations.hosts ?? []) {
    const problem = hostProblem(host, { allowWildcard: true, allowBareWildcard: true });
    if (problem) out.push(`external host '${host}': ${problem}`);
    else if (!host.includes('.') && host !== '*') out.push(`external host '${host}': a short name needs its namespace, e.g. '${host}.<namespace>.svc.cluster.local'`);
  }
  for (const gateway of declarations.gateways ?? []) {
    const [namespace, name, ...rest] = gateway.split('/');
    const problem = rest.length > 0 || name === undefined ? 'not of the form <namespace>/<name>'
      : dns1123LabelProblem(namespace) ?? (name === '*' ? undefined : dns1123LabelProblem(name));
    if (problem) out.push(`external gateway '${gateway}': ${problem}`);
  }
  for (const namespace of declarations.namespaces ?? []) {
    const problem = dns1123LabelProblem(namespace.name);
    if (problem) out.push(`external namespace '${namespace.name}': ${problem}`);
  }
  return out;
}
