import { dns1123LabelProblem, hostProblem } from '../values/validate';
import { InstalledGateway } from './installation';

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
  /**
   * The gateway deployments the Istio installation runs outside the input (Istio's ingress and
   * egress gateways, gateways installed with Istio's `gateway` chart), with their pod labels and
   * Service ports; `ISTIO_DEFAULT_GATEWAYS` holds those `istioctl analyze` assumes.
   *
   * When given (even empty), these and the input's pods are ALL the gateway workloads of the
   * cluster: a Gateway whose selector picks none of them is reported (CI1040), and a Gateway's
   * server ports are checked against their Services (CI1041). When omitted, the installation is
   * unknown (Istio's ingress gateway is usually installed separately, with labels the input does
   * not show): a Gateway that selects no pod of the input is not judged.
   * @default - unknown installation: Gateways that select no pod of the input are not judged
   */
  readonly installedGateways?: readonly InstalledGateway[];
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
  // declarations may come from YAML (cdk8s.yaml) or plain JavaScript: each list is checked for its shape first
  const list = <T>(key: keyof ExternalDeclarations, isEntry: (x: unknown) => boolean, entry: string): T[] => {
    const value = (declarations as Record<string, unknown>)[key];
    if (value === undefined) return [];
    if (!Array.isArray(value)) {
      out.push(`external ${key} must be a list, each ${entry}, got ${JSON.stringify(value)}`);
      return [];
    }
    const bad = value.filter((x) => !isEntry(x));
    if (bad.length > 0) out.push(`external ${key}: each entry must be ${entry}, got ${bad.map((x) => JSON.stringify(x)).join(', ')}`);
    return value.filter(isEntry) as T[];
  };
  const isString = (x: unknown) => typeof x === 'string';
  const isNamed = (x: unknown) => typeof x === 'object' && x !== null && typeof (x as { name?: unknown }).name === 'string';
  for (const host of list<string>('hosts', isString, 'a host name')) {
    const problem = hostProblem(host, { allowWildcard: true, allowBareWildcard: true });
    if (problem) out.push(`external host '${host}': ${problem}`);
    else if (!host.includes('.') && host !== '*') out.push(`external host '${host}': a short name needs its namespace, e.g. '${host}.<namespace>.svc.cluster.local'`);
  }
  for (const gateway of list<string>('gateways', isString, 'a <namespace>/<name> string')) {
    const [namespace, name, ...rest] = gateway.split('/');
    const problem = rest.length > 0 || name === undefined ? 'not of the form <namespace>/<name>'
      : dns1123LabelProblem(namespace) ?? (name === '*' ? undefined : dns1123LabelProblem(name));
    if (problem) out.push(`external gateway '${gateway}': ${problem}`);
  }
  const isGateway = (x: unknown) => isNamed(x) && typeof (x as { namespace?: unknown }).namespace === 'string' && Array.isArray((x as { ports?: unknown }).ports);
  for (const gateway of list<InstalledGateway>('installedGateways', isGateway, 'a gateway with name, namespace and ports')) {
    const problem = dns1123LabelProblem(gateway.namespace)
      ?? gateway.ports.map((p) => [p?.port, p?.targetPort ?? p?.port]).flat().map((n) => (Number.isInteger(n) && n! >= 1 && n! <= 65535 ? undefined : `port ${n} is not in 1-65535`)).find((x) => x);
    if (problem) out.push(`installed gateway '${gateway.namespace}/${gateway.name}': ${problem}`);
  }
  for (const namespace of list<ExternalNamespace>('namespaces', isNamed, 'a namespace ({ name, meshed? })')) {
    const problem = dns1123LabelProblem(namespace.name);
    if (problem) out.push(`external namespace '${namespace.name}': ${problem}`);
  }
  return out;
}

/**
 * `declarations` when they are valid; throws an error naming `owner` and every problem otherwise
 * (a declaration is part of the program, like a construct's props, not input to report on).
 *
 * @example
 * const external = validExternal('MeshApp', props.external);
 * @see https://istio.io/latest/docs/ops/diagnostic-tools/istioctl-analyze/
 */
export function validExternal(owner: string, declarations: ExternalDeclarations | undefined): ExternalDeclarations | undefined {
  if (declarations === undefined) return undefined;
  const problems = externalDeclarationProblems(declarations);
  if (problems.length > 0) throw new Error(`${owner}: invalid external declarations: ${problems.join('; ')}`);
  return declarations;
}
