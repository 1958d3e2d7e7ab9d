import { ManifestObject } from '../manifest-object';
import { ExternalDeclarations, ExternalNamespace } from './external';

/**
 * An index of the rendered manifests of a whole app, for cross-resource checks.
 *
 * The model only reads manifests (plain JSON), never constructs, so the checks work the same for
 * the L2 constructs, the imported L1 classes, cdk8s-plus objects and hand-written `ApiObject`s.
 */

/** The cluster DNS suffix Istio assumes for Kubernetes Services. */
const CLUSTER_SUFFIX = 'svc.cluster.local';

/** Istio's root namespace: PeerAuthentications here without a selector apply mesh-wide. */
export const ROOT_NAMESPACE = 'istio-system';

/** The pod label cdk8s-plus adds for its own selectors; left out of messages. */
const CDK8S_ADDR_LABEL = 'cdk8s.io/metadata.addr';

/**
 * One object in the model (an alias kept for the rules written against it).
 *
 * @see https://istio.io/latest/docs/reference/config/analysis/
 */
export type ModelObject = ManifestObject;

/**
 * A pod template of a workload (Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob or Pod).
 *
 * @see https://kubernetes.io/docs/concepts/workloads/pods/#pod-templates
 */
export interface PodTemplate {
  /** The workload object. */
  readonly owner: ModelObject;
  /** The pod labels. */
  readonly labels: Record<string, string>;
  /** The pod annotations. */
  readonly annotations: Record<string, string>;
  /** Where the pod labels live in the manifest, e.g. `spec.template.metadata.labels`. */
  readonly labelsField: string;
}

/**
 * What a host in a VirtualService or DestinationRule refers to.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/virtual-service/#Destination
 */
export interface ResolvedHost {
  /** The host as written. */
  readonly host: string;
  /** The fully qualified host Istio uses (short names expanded in the rule's namespace). */
  readonly fqdn: string;
  /**
   * The Kubernetes Service the host names.
   * @default - the host names no Service in the app
   */
  readonly service?: ModelObject;
  /** The ServiceEntries whose hosts cover it. */
  readonly serviceEntries: ModelObject[];
  /**
   * The external declaration that covers a host no Service or ServiceEntry of the input
   * resolves: `host '*.example.com'` or `namespace 'legacy'` (see {@link ExternalDeclarations}).
   * @default - the host is resolved in the input, or by no declaration
   */
  readonly external?: string;
}

/**
 * Options of {@link MeshModel}.
 *
 * @see https://istio.io/latest/docs/ops/diagnostic-tools/istioctl-analyze/
 */
export interface MeshModelOptions {
  /**
   * What lives outside the objects: hosts, Gateways and namespaces the checks must not report
   * missing.
   * @default - nothing: every reference must resolve in the objects
   */
  readonly external?: ExternalDeclarations;
}

const WORKLOAD_TEMPLATES: { [kind: string]: string } = {
  Deployment: 'spec.template',
  StatefulSet: 'spec.template',
  DaemonSet: 'spec.template',
  ReplicaSet: 'spec.template',
  Job: 'spec.template',
  CronJob: 'spec.jobTemplate.spec.template',
};

/**
 * An index of the app's rendered objects: Services, workloads, Istio resources and namespaces.
 *
 * @see https://istio.io/latest/docs/reference/config/analysis/
 */
export class MeshModel {
  /** Every object, in input order. */
  public readonly objects: ModelObject[];

  private readonly cache = new Map<string, ModelObject[] | PodTemplate[]>();
  private readonly externalHosts: readonly { written: string; forms: string[] }[];
  private readonly externalGateways: ReadonlySet<string>;
  private readonly externalNamespaces: ReadonlyMap<string, ExternalNamespace>;

  constructor(objects: readonly ManifestObject[], options: MeshModelOptions = {}) {
    this.objects = [...objects];
    const external = options.external ?? {};
    this.externalHosts = (external.hosts ?? []).map((written) => ({ written, forms: hostForms(written) }));
    this.externalGateways = new Set(external.gateways ?? []);
    this.externalNamespaces = new Map((external.namespaces ?? []).map((n) => [n.name, n]));
  }

  /** Objects of one Istio kind (`networking.istio.io` or `security.istio.io`, any version). */
  public istio(kind: string): ModelObject[] {
    return this.objects.filter((o) => o.kind === kind && /^(networking|security)\.istio\.io\//.test(o.apiVersion));
  }

  /** Objects of one core or apps kind (`v1`, `apps/v1`, `batch/v1`). */
  public core(kind: string): ModelObject[] {
    return this.objects.filter((o) => o.kind === kind && !o.apiVersion.includes('.'));
  }

  /** The Kubernetes Services. */
  public get services(): ModelObject[] { return this.memo('services', () => this.core('Service')); }
  /** The VirtualServices. */
  public get virtualServices(): ModelObject[] { return this.memo('vs', () => this.istio('VirtualService')); }
  /** The DestinationRules. */
  public get destinationRules(): ModelObject[] { return this.memo('dr', () => this.istio('DestinationRule')); }
  /** The Istio Gateways (not Kubernetes Gateway API ones). */
  public get gateways(): ModelObject[] { return this.memo('gw', () => this.istio('Gateway')); }
  /** The ServiceEntries. */
  public get serviceEntries(): ModelObject[] { return this.memo('se', () => this.istio('ServiceEntry')); }
  /** The PeerAuthentications. */
  public get peerAuthentications(): ModelObject[] { return this.memo('pa', () => this.istio('PeerAuthentication')); }

  /** Every pod template in the app (Pods and the templates of workload controllers). */
  public get podTemplates(): PodTemplate[] {
    return this.memo('pods', () => {
      const out: PodTemplate[] = [];
      for (const o of this.objects) {
        if (o.apiVersion.includes('.')) continue;
        if (o.kind === 'Pod') {
          out.push({ owner: o, labels: o.manifest.metadata?.labels ?? {}, annotations: o.manifest.metadata?.annotations ?? {}, labelsField: 'metadata.labels' });
          continue;
        }
        const at = WORKLOAD_TEMPLATES[o.kind];
        if (!at) continue;
        const template = at.split('.').reduce((acc: any, k) => acc?.[k], o.manifest);
        out.push({
          owner: o,
          labels: template?.metadata?.labels ?? {},
          annotations: template?.metadata?.annotations ?? {},
          labelsField: `${at}.metadata.labels`,
        });
      }
      return out;
    });
  }

  /** The `Namespace` object of that name, if the app has one. */
  public namespaceObject(name: string): ModelObject | undefined {
    return this.core('Namespace').find((o) => o.name === name);
  }

  /**
   * Whether a namespace is in the mesh: `true` when its Namespace object has
   * `istio-injection=enabled`, an `istio.io/rev` label or `istio.io/dataplane-mode=ambient`,
   * `false` when it has none; without a Namespace object, what an external declaration says
   * (`meshed`), else `undefined` (the namespace is configured elsewhere).
   */
  public isInjected(namespace: string): boolean | undefined {
    const ns = this.namespaceObject(namespace);
    if (!ns) return this.externalNamespaces.get(namespace)?.meshed;
    const labels = ns.manifest.metadata?.labels ?? {};
    if (labels['istio-injection'] === 'disabled') return false;
    // ambient namespaces are meshed without sidecars (ztunnel, and waypoints for L7)
    return labels['istio-injection'] === 'enabled' || labels['istio.io/rev'] !== undefined || labels['istio.io/dataplane-mode'] === 'ambient';
  }

  /** A Gateway by namespace and name. */
  public gateway(namespace: string, name: string): ModelObject | undefined {
    return this.gateways.find((g) => g.namespace === namespace && g.name === name);
  }

  /** Whether the Gateway `namespace/name` is declared external (by name, or by `namespace/*`). */
  public isExternalGateway(namespace: string, name: string): boolean {
    return this.externalGateways.has(`${namespace}/${name}`) || this.externalGateways.has(`${namespace}/*`);
  }

  /**
   * Resolves a destination or DestinationRule host written in `fromNamespace`.
   *
   * Istio expands a short name in the namespace of the rule, not of the Service; `name.ns`,
   * `name.ns.svc` and `name.ns.svc.cluster.local` all name the Service `name` in `ns`. Other
   * hosts can only be served by a ServiceEntry (wildcard ServiceEntry hosts match too).
   */
  public resolveHost(host: string, fromNamespace: string): ResolvedHost {
    const ref = serviceRef(host, fromNamespace);
    const service = ref ? this.services.find((s) => s.name === ref.name && s.namespace === ref.namespace) : undefined;
    // `name.ns` is a Service only when that Service exists; otherwise it is an external name (`example.com`)
    const fqdn = ref && (service || !host.includes('.')) ? `${ref.name}.${ref.namespace}.${CLUSTER_SUFFIX}` : host.endsWith('.svc') ? `${host}.cluster.local` : host;
    const serviceEntries = this.serviceEntries.filter((se) =>
      asArray<string>(se.manifest.spec?.hosts).some((h) => typeof h === 'string' && (hostsIntersect(h, fqdn) || hostsIntersect(h, host)
        || (!h.includes('.') && hostsIntersect(`${h}.${se.namespace}.${CLUSTER_SUFFIX}`, fqdn)))));
    const external = service || serviceEntries.length > 0 ? undefined : this.externalHost(host, fqdn, fromNamespace);
    return { host, fqdn, service, serviceEntries, external };
  }

  /** The pod templates a Service selects: same namespace, all selector labels present. */
  public podsOf(service: ModelObject): PodTemplate[] {
    const selector: Record<string, string> = service.manifest.spec?.selector ?? {};
    if (Object.keys(selector).length === 0) return [];
    return this.podTemplates.filter((p) => p.owner.namespace === service.namespace && selects(selector, p.labels));
  }

  /** The DestinationRules whose host covers `fqdn` (exact or wildcard). */
  public destinationRulesFor(fqdn: string): ModelObject[] {
    return this.destinationRules.filter((dr) => {
      const h = dr.manifest.spec?.host;
      return typeof h === 'string' && hostMatches(this.resolveHost(h, dr.namespace).fqdn, fqdn);
    });
  }

  /** The declaration that covers a host (see {@link ResolvedHost.external}). */
  private externalHost(host: string, fqdn: string, fromNamespace: string): string | undefined {
    const forms = [fqdn, ...hostForms(host)];
    const declared = this.externalHosts.find((h) => h.forms.some((p) => forms.some((f) => hostMatches(p, f))));
    if (declared) return `host '${declared.written}'`;
    const ref = serviceRef(host, fromNamespace);
    return ref && this.externalNamespaces.has(ref.namespace) ? `namespace '${ref.namespace}'` : undefined;
  }

  private memo<T extends ModelObject[] | PodTemplate[]>(key: string, compute: () => T): T {
    if (!this.cache.has(key)) this.cache.set(key, compute());
    return this.cache.get(key) as T;
  }
}

/**
 * `{name, namespace}` when `host` has one of the Kubernetes Service forms: `name` (in
 * `fromNamespace`), `name.ns`, `name.ns.svc` or `name.ns.svc.cluster.local`.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/virtual-service/#Destination
 */
export function serviceRef(host: string, fromNamespace: string): { name: string; namespace: string } | undefined {
  if (typeof host !== 'string' || host.length === 0 || host.includes('*')) return undefined;
  const labels = host.split('.');
  if (labels.length === 1) return { name: host, namespace: fromNamespace };
  const suffix = labels.slice(2).join('.');
  if (suffix === '' || suffix === 'svc' || suffix === CLUSTER_SUFFIX) {
    return { name: labels[0], namespace: labels[1] };
  }
  return undefined;
}

/** A host, and the full Service name when it has the `name.namespace[.svc]` form. */
function hostForms(host: string): string[] {
  const ref = host.includes('.') ? serviceRef(host, '') : undefined;
  const fqdn = ref ? `${ref.name}.${ref.namespace}.${CLUSTER_SUFFIX}` : host;
  return fqdn === host ? [host] : [host, fqdn];
}

/**
 * Whether the host pattern `pattern` (`*`, `*.x`, or exact) covers `host` (which may be a wildcard).
 *
 * @see https://istio.io/latest/docs/reference/config/networking/virtual-service/#VirtualService
 */
export function hostMatches(pattern: string, host: string): boolean {
  if (pattern === '*') return true;
  if (pattern === host) return true;
  if (pattern.startsWith('*')) {
    const suffix = pattern.slice(1);
    if (host.startsWith('*')) return host.slice(1).endsWith(suffix);
    return host.endsWith(suffix) && host.length > suffix.length;
  }
  return false;
}

/**
 * Whether two host patterns share at least one host (either covers the other).
 *
 * @see https://istio.io/latest/docs/reference/config/networking/virtual-service/#VirtualService
 */
export function hostsIntersect(a: string, b: string): boolean {
  return hostMatches(a, b) || hostMatches(b, a);
}

/**
 * Whether every `selector` label is present with the same value in `labels`.
 *
 * @see https://istio.io/latest/docs/reference/config/type/workload-selector/
 */
export function selects(selector: Record<string, string>, labels: Record<string, string>): boolean {
  return Object.entries(selector).every(([k, v]) => labels[k] === v);
}

/**
 * `{a=b, c=d}` without the cdk8s-plus address label, for messages.
 *
 * @see https://istio.io/latest/docs/reference/config/analysis/
 */
export function formatLabels(labels: Record<string, string>): string {
  const entries = Object.keys(labels).filter((k) => k !== CDK8S_ADDR_LABEL).sort().map((k) => `${k}=${labels[k]}`);
  return `{${entries.join(', ')}}`;
}

/**
 * `ns/name`.
 *
 * @see https://istio.io/latest/docs/reference/config/analysis/
 */
export function qualifiedName(o: ModelObject): string {
  return `${o.namespace}/${o.name}`;
}

/**
 * The value as an array (empty when it is not one).
 *
 * @see https://istio.io/latest/docs/reference/config/analysis/
 */
export function asArray<T = any>(value: unknown): T[] {
  return Array.isArray(value) ? (value as T[]) : [];
}

/**
 * `a, b, c`, or `none` when empty.
 *
 * @see https://istio.io/latest/docs/reference/config/analysis/
 */
export function listOrNone(items: readonly string[]): string {
  return items.length === 0 ? 'none' : [...new Set(items)].join(', ');
}

/**
 * A destination inside a VirtualService: a route destination, a mirror or a mirrors entry.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/virtual-service/#Destination
 */
export interface DestinationRef {
  /** Where the destination object is, e.g. `spec.http[0].route[1].destination` or `spec.http[0].mirror`. */
  readonly field: string;
  /** The destination (`{host, subset?, port?: {number}}`). */
  readonly destination: any;
}

/**
 * Every destination of a VirtualService, in manifest order (http routes, mirrors, then tcp and tls routes).
 *
 * @see https://istio.io/latest/docs/reference/config/networking/virtual-service/#Destination
 */
export function destinationsOf(vs: ModelObject): DestinationRef[] {
  const out: DestinationRef[] = [];
  const spec = vs.manifest.spec ?? {};
  asArray(spec.http).forEach((r: any, i: number) => {
    asArray(r?.route).forEach((d: any, j: number) => {
      if (d?.destination) out.push({ field: `spec.http[${i}].route[${j}].destination`, destination: d.destination });
    });
    if (r?.mirror) out.push({ field: `spec.http[${i}].mirror`, destination: r.mirror });
    asArray(r?.mirrors).forEach((m: any, k: number) => {
      if (m?.destination) out.push({ field: `spec.http[${i}].mirrors[${k}].destination`, destination: m.destination });
    });
  });
  for (const proto of ['tcp', 'tls']) {
    asArray(spec[proto]).forEach((r: any, i: number) => {
      asArray(r?.route).forEach((d: any, j: number) => {
        if (d?.destination) out.push({ field: `spec.${proto}[${i}].route[${j}].destination`, destination: d.destination });
      });
    });
  }
  return out;
}

/**
 * A gateway a VirtualService binds to.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/virtual-service/#VirtualService
 */
export interface GatewayRef {
  /** `mesh`, or `namespace/name`. */
  readonly key: string;
  /**
   * The gateway's namespace.
   * @default - none for `mesh`
   */
  readonly namespace?: string;
  /** The gateway's name (`mesh` for the sidecars). */
  readonly name: string;
  /** As written in the manifest. */
  readonly written: string;
  /** Where it is written, e.g. `spec.gateways[0]` (`spec.gateways` when implicit). */
  readonly field: string;
}

/**
 * The gateways of a VirtualService: `spec.gateways` with `name` read in the VirtualService's
 * namespace, or the implicit `mesh` when the list is empty.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/virtual-service/#VirtualService
 */
export function gatewaysOf(vs: ModelObject): GatewayRef[] {
  const written = asArray<string>(vs.manifest.spec?.gateways);
  if (written.length === 0) return [{ key: 'mesh', name: 'mesh', written: 'mesh', field: 'spec.gateways' }];
  return written.map((g, i) => gatewayRef(g, vs.namespace, `spec.gateways[${i}]`));
}

/**
 * Parses `mesh`, `name` or `ns/name` (written in `namespace`).
 *
 * @see https://istio.io/latest/docs/reference/config/networking/virtual-service/#VirtualService
 */
export function gatewayRef(written: string, namespace: string, field: string): GatewayRef {
  if (written === 'mesh') return { key: 'mesh', name: 'mesh', written, field };
  const text = String(written);
  const slash = text.indexOf('/');
  let ns: string;
  let name: string;
  if (slash >= 0) {
    // `ns/name`, or `./name` for the VirtualService's own namespace
    ns = text.slice(0, slash) === '.' ? namespace : text.slice(0, slash);
    name = text.slice(slash + 1);
  } else if (text.includes('.')) {
    // the legacy `name.namespace[.svc.cluster.local]` form, which Istio still resolves to namespace/name
    const [first, second] = text.split('.');
    ns = second;
    name = first;
  } else {
    ns = namespace;
    name = text;
  }
  return { key: `${ns}/${name}`, namespace: ns, name, written, field };
}

/**
 * The ports of a Service: number and a label like `9080 (http)` for messages.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/virtual-service/#PortSelector
 */
export function servicePorts(service: ModelObject): { number: number; label: string }[] {
  return asArray(service.manifest.spec?.ports).map((p: any) => ({ number: Number(p?.port), label: p?.name ? `${p.port} (${p.name})` : `${p?.port}` }));
}

/**
 * The ports a resolved destination host offers, and who defines them for messages: the Service's
 * ports, else the ports of the one ServiceEntry that covers the host (with several matching
 * ServiceEntries, Istio merges them, so the answer would be ambiguous: `undefined`).
 *
 * @see https://istio.io/latest/docs/reference/config/networking/service-entry/#ServicePort
 */
export function hostPorts(resolved: ResolvedHost): { owner: string; ports: { number: number; label: string }[] } | undefined {
  if (resolved.service) {
    return { owner: `Service '${resolved.service.namespace}/${resolved.service.name}'`, ports: servicePorts(resolved.service) };
  }
  if (resolved.serviceEntries.length !== 1) return undefined;
  const se = resolved.serviceEntries[0];
  const ports = asArray(se.manifest.spec?.ports).map((p: any) => ({ number: Number(p?.number), label: p?.name ? `${p.number} (${p.name})` : `${p?.number}` }));
  return { owner: `ServiceEntry '${se.namespace}/${se.name}'`, ports };
}
