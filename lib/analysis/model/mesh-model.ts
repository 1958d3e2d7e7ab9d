/**
 * The indexed, visibility-aware model of a whole app (or folder of YAML), for the mesh checks.
 *
 * It reads manifests only (plain JSON), so the checks work the same for L2 constructs, L1
 * classes, cdk8s-plus objects, `Include`d and hand-written YAML. Everything a check looks up is
 * indexed once (by kind, namespace, host and label): a check never scans all objects inside a
 * loop over objects.
 */
import { expandLists } from '../manifest/list';
import { asArray, asRecord } from '../manifest/read';
import { ManifestObject } from '../manifest-object';
import { AppliedDestinationRules, chooseDestinationRules } from './destination-rule-choice';
import { ExternalDeclarations, ExternalNamespace } from './external';
import { InstalledGateway } from './installation';
import { admitsNamespace, hostsMatch, isWildcard, NamespacedHost, parseNamespacedHost, serviceFqdn, serviceOfFqdn, toFqdn } from './hosts';
import { ExportScope, exportScope, isVisible } from './visibility';
import { AMBIENT_REDIRECTION_ANNOTATION, DATAPLANE_MODE_LABEL, hasProxyContainer, INJECTION_LABEL, podInjectSetting, REVISION_LABEL } from './injection';
import { hasTargetRefs, workloadSelectorOf } from './selectors';
import { PodIndex, PodTemplate, podTemplateOf } from './workloads';

export { PodTemplate } from './workloads';
export { ExternalDeclarations, ExternalNamespace } from './external';
export { AppliedDestinationRules, DestinationRuleSource } from './destination-rule-choice';

/** Istio's root namespace: mesh-wide policies live here. */
export const ROOT_NAMESPACE = 'istio-system';

/**
 * The namespaces every Kubernetes cluster has, and Istio's root namespace.
 *
 * @see https://kubernetes.io/docs/concepts/overview/working-with-objects/namespaces/#initial-namespaces
 */
export const CLUSTER_NAMESPACES: readonly string[] = ['default', 'kube-system', 'kube-public', 'kube-node-lease', ROOT_NAMESPACE];

/** The pod label cdk8s-plus adds for its own selectors; left out of messages. */
const CDK8S_ADDR_LABEL = 'cdk8s.io/metadata.addr';

/**
 * One object in the model (an alias kept for the checks written against it).
 *
 * @see https://istio.io/latest/docs/reference/config/analysis/
 */
export type ModelObject = ManifestObject;

/**
 * How a namespace takes part in the mesh.
 *
 * @see https://istio.io/latest/docs/setup/additional-setup/sidecar-injection/
 */
export enum MeshMode {
  /** Sidecars are injected (`istio-injection=enabled` or an `istio.io/rev` label). */
  SIDECAR = 'sidecar',
  /** Ambient mode (`istio.io/dataplane-mode=ambient`): ztunnel, and waypoints for L7. */
  AMBIENT = 'ambient',
  /** Not in the mesh (no label, or `istio-injection=disabled`). */
  NONE = 'none',
}

/**
 * Options of the {@link MeshModel}.
 *
 * @see https://istio.io/latest/docs/ops/diagnostic-tools/istioctl-analyze/
 */
export interface MeshModelOptions {
  /**
   * What lives outside the given objects.
   * @default - nothing: every reference must be to a given object
   */
  readonly external?: ExternalDeclarations;
}

/**
 * The PeerAuthentications that apply to one workload, by level (see
 * {@link MeshModel.peerAuthenticationsFor}).
 *
 * @see https://istio.io/latest/docs/reference/config/security/peer_authentication/
 */
export interface WorkloadPeerAuthentications {
  /** Mesh level: root namespace, no selector. */
  readonly mesh: readonly ManifestObject[];
  /** Namespace level: the workload's namespace, no selector. */
  readonly namespace: readonly ManifestObject[];
  /** Workload level: the workload's namespace, a selector its labels match. */
  readonly workload: readonly ManifestObject[];
}

/**
 * A port of a Service or ServiceEntry, as destinations refer to it.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/service-entry/#ServicePort
 */
export interface HostPort {
  /** The port number (`spec.ports[].port` of a Service, `.number` of a ServiceEntry). */
  readonly number: number;
  /**
   * The port name.
   * @default - unnamed
   */
  readonly name?: string;
  /**
   * The protocol as Istio sees it: the ServiceEntry protocol, or the Service port's appProtocol,
   * or the protocol prefix of its name (`http-web` is HTTP).
   * @default - unknown (Istio sniffs the protocol)
   */
  readonly protocol?: string;
}

/**
 * A Service or ServiceEntry host that destinations can name.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/service-entry/
 */
export interface HostEntry {
  /** The Service or ServiceEntry. */
  readonly object: ManifestObject;
  /** The host: the Service's FQDN, or a ServiceEntry host (short ones expanded, wildcards kept). */
  readonly host: string;
  /** The ports it offers. */
  readonly ports: readonly HostPort[];
  /** Where it is visible. */
  readonly scope: ExportScope;
}

/**
 * What a destination or DestinationRule host refers to, seen from one namespace.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/virtual-service/#Destination
 */
export interface ResolvedHost {
  /** The host as written. */
  readonly host: string;
  /** The fully qualified host Istio uses (short names expanded in the referring namespace). */
  readonly fqdn: string;
  /** Every visible Service and ServiceEntry host that covers it. */
  readonly entries: readonly HostEntry[];
  /**
   * The Kubernetes Service it names, when one is visible.
   * @default - no Service
   */
  readonly service?: ManifestObject;
  /** The visible ServiceEntries whose hosts cover it. */
  readonly serviceEntries: readonly ManifestObject[];
  /**
   * The external declaration that covers a host no Service or ServiceEntry of the input
   * resolves: `host '*.example.com'` or `namespace 'legacy'` (see {@link ExternalDeclarations}).
   * @default - the host is resolved in the input, or by no declaration
   */
  readonly external?: string;
}

/**
 * The index of every object of an app: namespaces and how they are meshed, Services and
 * ServiceEntries by host (with `exportTo`), DestinationRules by host, Gateways by name, workloads
 * by namespace and label, and the policies by namespace.
 *
 * @see https://istio.io/latest/docs/ops/diagnostic-tools/istioctl-analyze/
 */
export class MeshModel {
  /** Every object, in input order (the items of a `kind: List` in its place). */
  public readonly objects: readonly ManifestObject[];
  /** Every pod and pod template, indexed by namespace and label. */
  public readonly pods: PodIndex;

  private readonly byGroupKind = new Map<string, ManifestObject[]>();
  private readonly namespaceObjects = new Map<string, ManifestObject>();
  private readonly servicesByName = new Map<string, ManifestObject>();
  private readonly servicesByNamespace = new Map<string, ManifestObject[]>();
  private readonly gatewaysByName = new Map<string, ManifestObject>();
  private readonly exactHosts = new Map<string, HostEntry[]>();
  private readonly wildcardHosts = new Map<string, HostEntry[]>();
  private readonly exactRules = new Map<string, ManifestObject[]>();
  private readonly wildcardRules = new Map<string, ManifestObject[]>();
  private readonly externalHostsExact = new Map<string, string>();
  private readonly externalHostsWildcard = new Map<string, string>();
  private readonly externalGateways: ReadonlySet<string>;
  private readonly externalNamespaces: ReadonlyMap<string, ExternalNamespace>;
  /**
   * The gateway deployments the installation runs outside the input, when declared
   * (`external.installedGateways`); `undefined` when the installation is unknown.
   */
  public readonly installedGateways: readonly InstalledGateway[] | undefined;
  // built on first use
  private nodesByName?: Map<string, ManifestObject>;
  private policiesByNamespace?: Map<string, Map<string, ManifestObject[]>>;
  private servicesByPod?: Map<PodTemplate, ManifestObject[]>;
  private hostsBySuffix?: Map<string, HostEntry[]>;
  private knownNamespaceNames?: Set<string>;
  private serviceAccountsByNamespace?: Map<string, Set<string>>;

  constructor(input: readonly ManifestObject[], options: MeshModelOptions = {}) {
    // a `kind: List` counts as its items, as kubectl applies it
    const objects = expandLists(input);
    this.objects = objects;
    const external = options.external ?? {};
    const pods: PodTemplate[] = [];
    for (const o of objects) {
      push(this.byGroupKind, o.groupKind, o);
      const pod = podTemplateOf(o);
      if (pod) pods.push(pod);
      if (o.groupKind === 'Namespace' && !this.namespaceObjects.has(o.name)) this.namespaceObjects.set(o.name, o);
    }
    this.pods = new PodIndex(pods);

    for (const s of this.ofKind('Service')) {
      this.servicesByName.set(`${s.namespace}/${s.name}`, s);
      push(this.servicesByNamespace, s.namespace, s);
      this.addHost({ object: s, host: serviceFqdn(s.name, s.namespace), ports: servicePorts(s), scope: exportScope(s) });
    }
    for (const se of this.serviceEntries) {
      const ports = serviceEntryPorts(se);
      const scope = exportScope(se);
      for (const h of asArray(se.manifest.spec?.hosts)) {
        if (typeof h === 'string' && h !== '') this.addHost({ object: se, host: toFqdn(h, se.namespace), ports, scope });
      }
    }
    for (const g of this.gateways) this.gatewaysByName.set(`${g.namespace}/${g.name}`, g);
    for (const dr of this.destinationRules) {
      const h = dr.manifest.spec?.host;
      if (typeof h !== 'string' || h === '') continue;
      const fqdn = toFqdn(h, dr.namespace);
      push(isWildcard(fqdn) ? this.wildcardRules : this.exactRules, isWildcard(fqdn) ? fqdn.slice(1) : fqdn, dr);
    }
    for (const written of external.hosts ?? []) {
      // `name.namespace` and `name.namespace.svc` also declare the Service's full name
      const parts = written.split('.');
      const forms = !isWildcard(written) && (parts.length === 2 || (parts.length === 3 && parts[2] === 'svc')) ? [written, serviceFqdn(parts[0], parts[1])] : [written];
      for (const h of forms) {
        if (isWildcard(h)) this.externalHostsWildcard.set(h.slice(1), written);
        else this.externalHostsExact.set(h, written);
      }
    }
    this.externalGateways = new Set(external.gateways ?? []);
    this.externalNamespaces = new Map((external.namespaces ?? []).map((n) => [n.name, n]));
    this.installedGateways = external.installedGateways;
  }

  /**
   * The objects of one group and kind, as `Kind.group` (`VirtualService.networking.istio.io`,
   * `Deployment.apps`, `Service`).
   */
  public ofKind(groupKind: string): readonly ManifestObject[] {
    return this.byGroupKind.get(groupKind) ?? [];
  }

  /** The Kubernetes Services. */
  public get services(): readonly ManifestObject[] { return this.ofKind('Service'); }
  /** The Kubernetes ServiceAccounts. */
  public get serviceAccounts(): readonly ManifestObject[] { return this.ofKind('ServiceAccount'); }
  /** The Namespace objects. */
  public get namespaces(): readonly ManifestObject[] { return this.ofKind('Namespace'); }
  /** The VirtualServices (every served version). */
  public get virtualServices(): readonly ManifestObject[] { return this.ofKind('VirtualService.networking.istio.io'); }
  /** The DestinationRules. */
  public get destinationRules(): readonly ManifestObject[] { return this.ofKind('DestinationRule.networking.istio.io'); }
  /** The Istio Gateways (not Kubernetes Gateway API ones). */
  public get gateways(): readonly ManifestObject[] { return this.ofKind('Gateway.networking.istio.io'); }
  /** The ServiceEntries. */
  public get serviceEntries(): readonly ManifestObject[] { return this.ofKind('ServiceEntry.networking.istio.io'); }
  /** The Sidecars. */
  public get sidecars(): readonly ManifestObject[] { return this.ofKind('Sidecar.networking.istio.io'); }
  /** The PeerAuthentications. */
  public get peerAuthentications(): readonly ManifestObject[] { return this.ofKind('PeerAuthentication.security.istio.io'); }
  /** The AuthorizationPolicies. */
  public get authorizationPolicies(): readonly ManifestObject[] { return this.ofKind('AuthorizationPolicy.security.istio.io'); }
  /** The RequestAuthentications. */
  public get requestAuthentications(): readonly ManifestObject[] { return this.ofKind('RequestAuthentication.security.istio.io'); }
  /** Every pod and pod template (an alias of `pods.all`). */
  public get podTemplates(): readonly PodTemplate[] { return this.pods.all; }

  /** The `Namespace` object of that name, if the input has one. */
  public namespaceObject(name: string): ManifestObject | undefined {
    return this.namespaceObjects.get(name);
  }

  /**
   * How a namespace takes part in the mesh, from its Namespace object's labels
   * (`istio-injection`, `istio.io/rev`, `istio.io/dataplane-mode`) or its external declaration;
   * `undefined` when the namespace is neither in the input nor declared.
   */
  public meshMode(namespace: string): MeshMode | undefined {
    const ns = this.namespaceObjects.get(namespace);
    if (!ns) {
      const meshed = this.externalNamespaces.get(namespace)?.meshed;
      return meshed === undefined ? undefined : meshed ? MeshMode.SIDECAR : MeshMode.NONE;
    }
    const labels = asRecord(ns.manifest.metadata?.labels);
    // the injector's webhooks select these labels; a pod with a sidecar is never captured by ambient
    const injection = labels[INJECTION_LABEL];
    if (injection === 'enabled') return MeshMode.SIDECAR;
    if (injection === undefined && typeof labels[REVISION_LABEL] === 'string' && labels[REVISION_LABEL] !== '') return MeshMode.SIDECAR;
    if (labels[DATAPLANE_MODE_LABEL] === 'ambient') return MeshMode.AMBIENT;
    return MeshMode.NONE;
  }

  /**
   * How the pods of a workload take part in the mesh, as Istio decides it: an `istio-proxy`
   * container, `hostNetwork` (never in the mesh), the pod's `istio.io/dataplane-mode` label or
   * ambient redirection annotation, its
   * `sidecar.istio.io/inject` label (or annotation), else its namespace ({@link meshMode});
   * `undefined` when only the namespace could tell and it is unknown.
   *
   * @example
   * model.podMeshMode(model.pods.inNamespace('shop')[0]); // MeshMode.SIDECAR
   */
  public podMeshMode(pod: PodTemplate): MeshMode | undefined {
    if (hasProxyContainer(pod)) return MeshMode.SIDECAR;
    // neither the injector nor ambient take pods on the host's network
    if (pod.spec.hostNetwork === true) return MeshMode.NONE;
    if (pod.annotations[AMBIENT_REDIRECTION_ANNOTATION] === 'enabled') return MeshMode.AMBIENT;
    const namespace = this.meshMode(pod.namespace);
    const inject = podInjectSetting(pod);
    if (inject === 'true') return MeshMode.SIDECAR;
    const dataplane = pod.labels[DATAPLANE_MODE_LABEL];
    if (dataplane === 'none') return MeshMode.NONE;
    if (dataplane === 'ambient') return MeshMode.AMBIENT;
    if (inject === 'false') return namespace === MeshMode.AMBIENT ? MeshMode.AMBIENT : MeshMode.NONE;
    return namespace;
  }

  /** Whether a namespace is declared external (managed outside the input; see {@link ExternalDeclarations}). */
  public isExternalNamespace(namespace: string): boolean {
    return this.externalNamespaces.has(namespace);
  }

  /** The Node of that name, if the input has one (pods read from a cluster name theirs in `spec.nodeName`). */
  public node(name: string): ManifestObject | undefined {
    if (!this.nodesByName) this.nodesByName = new Map(this.ofKind('Node').map((n) => [n.name, n]));
    return this.nodesByName.get(name);
  }

  /**
   * Whether a namespace is in the mesh (sidecar or ambient); `undefined` when it is neither in
   * the input nor declared.
   */
  public isInjected(namespace: string): boolean | undefined {
    const mode = this.meshMode(namespace);
    return mode === undefined ? undefined : mode !== MeshMode.NONE;
  }

  /** Whether a namespace is known: a Namespace object in the input, or a declared external namespace. */
  public hasNamespace(namespace: string): boolean {
    return this.namespaceObjects.has(namespace) || this.externalNamespaces.has(namespace);
  }

  /** The Service `namespace/name`. */
  public service(namespace: string, name: string): ManifestObject | undefined {
    return this.servicesByName.get(`${namespace}/${name}`);
  }

  /** The Services of a namespace. */
  public servicesIn(namespace: string): readonly ManifestObject[] {
    return this.servicesByNamespace.get(namespace) ?? [];
  }

  /** The Gateway `namespace/name`. */
  public gateway(namespace: string, name: string): ManifestObject | undefined {
    return this.gatewaysByName.get(`${namespace}/${name}`);
  }

  /**
   * The server hosts of `gateway` that a VirtualService of `namespace` may bind to, in server
   * order: an entry without a namespace part or with namespace `*` admits every namespace, `./host`
   * only the Gateway's own namespace, `ns/host` only `ns`, and `~/host` none (Istio's
   * `host.NamesForNamespace`, after `.` is resolved).
   *
   * @example
   * // Gateway istio-system/public with hosts ['shop.example.com', 'team-a/api.example.com', './admin.example.com']
   * model.admittedHosts(gw, 'team-a').map((h) => h.host);        // ['shop.example.com', 'api.example.com']
   * model.admittedHosts(gw, 'istio-system').map((h) => h.host);  // ['shop.example.com', 'admin.example.com']
   */
  public admittedHosts(gateway: ManifestObject, namespace: string): AdmittedHost[] {
    return gatewayHosts(gateway).filter((h) => admitsNamespace(h, namespace));
  }

  /**
   * Whether `gateway` admits the VirtualService host `host` written in `namespace`: one of its
   * {@link admittedHosts} matches it (Istio's `host.Name.Matches`, wildcards both ways), as
   * written or, for a short name, as its FQDN.
   */
  public gatewayAdmits(gateway: ManifestObject, namespace: string, host: string): boolean {
    const fqdn = toFqdn(host, namespace);
    return this.admittedHosts(gateway, namespace).some((h) => hostsMatch(h.host, host) || hostsMatch(h.host, fqdn));
  }

  /** Whether the Gateway `namespace/name` is declared external (by name, or by `namespace/*`). */
  public isExternalGateway(namespace: string, name: string): boolean {
    return this.externalGateways.has(`${namespace}/${name}`) || this.externalGateways.has(`${namespace}/*`);
  }

  /**
   * The external declaration that covers `fqdn` (`host '*.example.com'`, `namespace 'legacy'`),
   * or `undefined`.
   */
  public externalHost(fqdn: string): string | undefined {
    const exact = this.externalHostsExact.get(fqdn);
    if (exact) return `host '${exact}'`;
    for (const suffix of suffixesOf(fqdn)) {
      const wildcard = this.externalHostsWildcard.get(suffix);
      if (wildcard) return `host '${wildcard}'`;
    }
    const service = serviceOfFqdn(fqdn);
    return service && this.externalNamespaces.has(service.namespace) ? `namespace '${service.namespace}'` : undefined;
  }

  /**
   * The Service and ServiceEntry hosts visible from `fromNamespace` that cover `host` (written in
   * `fromNamespace`): exact hosts, and wildcard ServiceEntry hosts that cover it.
   */
  public hostEntries(host: string, fromNamespace: string): HostEntry[] {
    return this.allHostEntries(host, fromNamespace).filter((e) => isVisible(e.scope, fromNamespace));
  }

  /**
   * The Service and ServiceEntry hosts that cover `host` (written in `fromNamespace`) but are not
   * exported to `fromNamespace`: what the namespace would see without `exportTo`.
   */
  public hiddenHostEntries(host: string, fromNamespace: string): HostEntry[] {
    return this.allHostEntries(host, fromNamespace).filter((e) => !isVisible(e.scope, fromNamespace));
  }

  /**
   * Resolves a destination or DestinationRule host written in `fromNamespace`, as Istio does:
   * short names expand in `fromNamespace`, names with a dot are taken as written, and only what
   * is visible from `fromNamespace` counts.
   */
  public resolveHost(host: string, fromNamespace: string): ResolvedHost {
    const fqdn = toFqdn(host, fromNamespace);
    const entries = this.hostEntries(host, fromNamespace);
    const service = entries.find((e) => e.object.groupKind === 'Service')?.object;
    const serviceEntries = [...new Set(entries.filter((e) => e.object.groupKind !== 'Service').map((e) => e.object))];
    return { host, fqdn, entries, service, serviceEntries, external: entries.length > 0 ? undefined : this.externalHost(fqdn) };
  }

  /**
   * The DestinationRules whose host covers `fqdn` (exactly, or by a wildcard), and, when
   * `fromNamespace` is given, that are visible from it.
   */
  public destinationRulesFor(fqdn: string, fromNamespace?: string): ManifestObject[] {
    const out: ManifestObject[] = [];
    out.push(...this.exactRules.get(fqdn) ?? []);
    for (const suffix of suffixesOf(fqdn)) out.push(...this.wildcardRules.get(suffix) ?? []);
    const unique = [...new Set(out)];
    return fromNamespace === undefined ? unique : unique.filter((dr) => isVisible(exportScope(dr), fromNamespace));
  }

  /**
   * The DestinationRules istiod applies to traffic for `fqdn` sent by proxies of
   * `proxyNamespace`: the most specific rules of the proxy's own namespace, else those the
   * Service's namespace (`serviceNamespace`) exports to it, else those the root namespace exports
   * to it (`PushContext.destinationRule`). A subset is found only in these rules.
   *
   * @example
   * // reviews.shop has rules in shop (subsets v1, v2) and in web (subset v1, exported everywhere)
   * model.destinationRulesApplied('reviews.shop.svc.cluster.local', 'web', 'shop');  // the rule of web: v2 is not found from web
   */
  public destinationRulesApplied(fqdn: string, proxyNamespace: string, serviceNamespace?: string): AppliedDestinationRules | undefined {
    return chooseDestinationRules(this.destinationRulesFor(fqdn), fqdn, proxyNamespace, serviceNamespace);
  }

  /** The pod templates a Service selects: its namespace, every selector label present. */
  public podsOf(service: ManifestObject): PodTemplate[] {
    const selector = asRecord(service.manifest.spec?.selector);
    if (Object.keys(selector).length === 0) return [];
    return this.pods.select(service.namespace, selector);
  }

  /**
   * The Services of the input whose selector selects a pod template (same namespace, every
   * selector label present), in input order.
   */
  public servicesOf(pod: PodTemplate): readonly ManifestObject[] {
    if (!this.servicesByPod) {
      this.servicesByPod = new Map();
      for (const s of this.services) for (const p of this.podsOf(s)) push(this.servicesByPod, p, s);
    }
    return this.servicesByPod.get(pod) ?? [];
  }

  /**
   * The pod templates an Istio object's workload selector applies to, as Istio attaches it:
   * pods of its namespace with every selector label; a policy without selector applies to its
   * whole namespace (a ServiceEntry without selector selects no pod). In the root namespace, an AuthorizationPolicy, RequestAuthentication or
   * Gateway selector (and a policy without selector) reaches every namespace, while a
   * PeerAuthentication selector there is ignored by Istio. A policy with `targetRef(s)` attaches
   * to Gateways or Services, never to sidecar workloads: none.
   *
   * @example
   * model.selectedWorkloads(sidecar).map((p) => p.owner.name); // ['reviews-v1', 'reviews-v2']
   * @see https://istio.io/latest/docs/reference/config/type/workload-selector/
   */
  public selectedWorkloads(policy: ManifestObject): PodTemplate[] {
    const selector = workloadSelectorOf(policy);
    if (!selector || hasTargetRefs(policy)) return [];
    const empty = Object.keys(selector.labels).length === 0;
    const root = policy.namespace === ROOT_NAMESPACE;
    const kind = policy.kind;
    if (root && kind === 'PeerAuthentication' && !empty) return [];
    // a ServiceEntry without workloadSelector has no pods (its endpoints are written out, or DNS)
    if (empty && kind === 'ServiceEntry') return [];
    const meshWide = root && (empty ? kind !== 'Gateway' && kind !== 'DestinationRule' : ['AuthorizationPolicy', 'RequestAuthentication', 'Gateway'].includes(kind));
    if (meshWide) return this.pods.selectAll(selector.labels);
    return this.pods.select(policy.namespace, selector.labels);
  }

  /**
   * The PeerAuthentications that apply to a workload, by level, each in input order (Istio uses
   * the oldest of each level, and a more specific level overrides the mode of a broader one): the
   * mesh level (root namespace, no selector), the namespace level (its namespace, no selector)
   * and the workload level (its namespace, a selector its labels match). A selector in the root
   * namespace is ignored by Istio, so it is at no level.
   *
   * @see https://istio.io/latest/docs/reference/config/security/peer_authentication/
   */
  public peerAuthenticationsFor(pod: PodTemplate): WorkloadPeerAuthentications {
    const mesh: ManifestObject[] = [];
    const namespace: ManifestObject[] = [];
    const workload: ManifestObject[] = [];
    for (const ns of pod.namespace === ROOT_NAMESPACE ? [ROOT_NAMESPACE] : [pod.namespace, ROOT_NAMESPACE]) {
      for (const pa of this.policiesIn('PeerAuthentication.security.istio.io', ns)) {
        const labels = workloadSelectorOf(pa)?.labels ?? {};
        if (Object.keys(labels).length === 0) (ns === ROOT_NAMESPACE ? mesh : namespace).push(pa);
        else if (ns !== ROOT_NAMESPACE && selects(labels, pod.labels)) workload.push(pa);
      }
    }
    return { mesh, namespace, workload };
  }

  /**
   * The Sidecars that configure a workload's proxy, as Istio picks them: those of its namespace
   * whose workload selector matches it; else the namespace's Sidecars without selector; else the
   * root namespace's Sidecars without selector. More than one means Istio picks one of them.
   *
   * @see https://istio.io/latest/docs/reference/config/networking/sidecar/
   */
  public sidecarsFor(pod: PodTemplate): ManifestObject[] {
    const selectorless = (ns: string) => this.policiesIn('Sidecar.networking.istio.io', ns).filter((s) => Object.keys(workloadSelectorOf(s)?.labels ?? {}).length === 0);
    const own = this.policiesIn('Sidecar.networking.istio.io', pod.namespace).filter((s) => {
      const labels = workloadSelectorOf(s)?.labels ?? {};
      return Object.keys(labels).length > 0 && selects(labels, pod.labels);
    });
    if (own.length > 0) return own;
    const namespaceDefault = selectorless(pod.namespace);
    return namespaceDefault.length > 0 ? namespaceDefault : selectorless(ROOT_NAMESPACE);
  }

  /**
   * The objects of a kind in a namespace (indexed on first use), e.g.
   * `policiesIn('Sidecar.networking.istio.io', 'shop')`.
   */
  public policiesIn(groupKind: string, namespace: string): readonly ManifestObject[] {
    if (!this.policiesByNamespace) this.policiesByNamespace = new Map();
    let byNamespace = this.policiesByNamespace.get(groupKind);
    if (!byNamespace) {
      byNamespace = new Map();
      for (const o of this.ofKind(groupKind)) push(byNamespace, o.namespace, o);
      this.policiesByNamespace.set(groupKind, byNamespace);
    }
    return byNamespace.get(namespace) ?? [];
  }

  /**
   * The Service and ServiceEntry hosts visible from `fromNamespace` that share a name with the
   * wildcard `pattern` (`*.example.com`, `*`): hosts it covers, and wildcard ServiceEntry hosts
   * that cover it or that it covers.
   *
   * @example
   * model.hostEntriesUnder('*.shop.svc.cluster.local', 'shop'); // every Service of shop
   */
  public hostEntriesUnder(pattern: string, fromNamespace: string): HostEntry[] {
    if (!isWildcard(pattern)) return this.hostEntries(pattern, fromNamespace);
    if (!this.hostsBySuffix) {
      this.hostsBySuffix = new Map();
      for (const list of [...this.exactHosts.values(), ...this.wildcardHosts.values()]) {
        for (const entry of list) for (const suffix of suffixesOf(entry.host)) push(this.hostsBySuffix, suffix, entry);
      }
    }
    const under = this.hostsBySuffix.get(pattern.slice(1)) ?? [];
    const covering = suffixesOf(pattern).flatMap((suffix) => this.wildcardHosts.get(suffix) ?? []);
    return [...new Set([...under, ...covering])].filter((e) => isVisible(e.scope, fromNamespace));
  }

  /**
   * The namespaces known to exist where the app runs: its Namespace objects, the namespaces
   * declared external, the namespaces its objects live in (they cannot be created elsewhere),
   * and those every cluster with Istio has (`default`, `kube-system`, `kube-public`,
   * `kube-node-lease`, `istio-system`). Any other namespace may exist in the cluster all the
   * same: the app cannot know.
   *
   * @example
   * model.knownNamespaces.has('shop'); // true when a Namespace object or any object of the app is in 'shop'
   */
  public get knownNamespaces(): ReadonlySet<string> {
    if (!this.knownNamespaceNames) {
      const names = new Set<string>(CLUSTER_NAMESPACES);
      for (const n of this.namespaceObjects.keys()) names.add(n);
      for (const n of this.externalNamespaces.keys()) names.add(n);
      for (const o of this.objects) if (o.namespace !== '') names.add(o.namespace);
      this.knownNamespaceNames = names;
    }
    return this.knownNamespaceNames;
  }

  /**
   * Whether the app owns a namespace: it has the Namespace object, and the namespace is not
   * declared external.
   */
  public ownsNamespace(namespace: string): boolean {
    return this.namespaceObjects.has(namespace) && !this.externalNamespaces.has(namespace);
  }

  /**
   * The service accounts the app defines or runs as in a namespace: its ServiceAccount objects,
   * the service accounts of its pod templates (`default` when unset), and `default`, which
   * Kubernetes creates in every namespace.
   *
   * @see https://kubernetes.io/docs/concepts/security/service-accounts/#default-service-accounts
   */
  public serviceAccountsIn(namespace: string): ReadonlySet<string> {
    if (!this.serviceAccountsByNamespace) {
      const byNamespace = new Map<string, Set<string>>();
      const add = (ns: string, name: string) => {
        const set = byNamespace.get(ns) ?? new Set<string>(['default']);
        set.add(name);
        byNamespace.set(ns, set);
      };
      for (const sa of this.serviceAccounts) add(sa.namespace, sa.name);
      for (const pod of this.pods.all) add(pod.namespace, pod.serviceAccountName);
      this.serviceAccountsByNamespace = byNamespace;
    }
    return this.serviceAccountsByNamespace.get(namespace) ?? new Set(['default']);
  }

  private allHostEntries(host: string, fromNamespace: string): HostEntry[] {
    const fqdn = toFqdn(host, fromNamespace);
    const out: HostEntry[] = [];
    if (!isWildcard(fqdn)) out.push(...this.exactHosts.get(fqdn) ?? []);
    for (const suffix of suffixesOf(fqdn)) out.push(...this.wildcardHosts.get(suffix) ?? []);
    return out;
  }

  private addHost(entry: HostEntry): void {
    if (isWildcard(entry.host)) push(this.wildcardHosts, entry.host.slice(1), entry);
    else push(this.exactHosts, entry.host, entry);
  }
}

/**
 * The suffixes a wildcard can cover `host` with, without the `*`: for `a.b.com`, `.b.com`, `.com`
 * and `` (the bare `*`); for a wildcard `*.b.com`, `.b.com`, `.com` and ``.
 */
function suffixesOf(host: string): string[] {
  const name = isWildcard(host) ? host.slice(1) : host;
  const out: string[] = [''];
  for (let i = name.indexOf('.'); i >= 0; i = name.indexOf('.', i + 1)) out.push(name.slice(i));
  return out;
}

/**
 * Whether every `selector` label is present with the same value in `labels`.
 *
 * @see https://istio.io/latest/docs/reference/config/type/workload-selector/
 */
export function selects(selector: Readonly<Record<string, unknown>>, labels: Readonly<Record<string, string>>): boolean {
  return Object.entries(selector).every(([k, v]) => labels[k] === String(v));
}

/**
 * Whether two hosts share at least one name (Istio's `host.Name.Matches`).
 *
 * @see https://istio.io/latest/docs/reference/config/networking/virtual-service/#VirtualService
 */
export function hostsIntersect(a: string, b: string): boolean {
  return hostsMatch(a, b);
}

/**
 * `{a=b, c=d}` without the cdk8s-plus address label, for messages.
 *
 * @see https://istio.io/latest/docs/reference/config/analysis/
 */
export function formatLabels(labels: Readonly<Record<string, unknown>>): string {
  const entries = Object.keys(labels).filter((k) => k !== CDK8S_ADDR_LABEL).sort().map((k) => `${k}=${labels[k]}`);
  return `{${entries.join(', ')}}`;
}

/**
 * `ns/name`.
 *
 * @see https://istio.io/latest/docs/reference/config/analysis/
 */
export function qualifiedName(o: ManifestObject): string {
  return o.qualifiedName;
}

/**
 * `a, b, c` (each once), or `none` when empty.
 *
 * @see https://istio.io/latest/docs/reference/config/analysis/
 */
export function listOrNone(items: readonly string[]): string {
  return items.length === 0 ? 'none' : [...new Set(items)].join(', ');
}

export { asArray } from '../manifest/read';

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
  /** What kind of route holds it. */
  readonly route: 'http' | 'tcp' | 'tls';
  /** Whether it receives copies only (`mirror`, `mirrors`). */
  readonly mirror: boolean;
}

/**
 * Every destination of a VirtualService, in manifest order (http routes and their mirrors, then
 * tcp and tls routes).
 *
 * @see https://istio.io/latest/docs/reference/config/networking/virtual-service/#Destination
 */
export function destinationsOf(vs: ManifestObject): DestinationRef[] {
  const out: DestinationRef[] = [];
  const spec = asRecord(vs.manifest.spec);
  asArray(spec.http).forEach((r: any, i: number) => {
    asArray(r?.route).forEach((d: any, j: number) => {
      if (d?.destination) out.push({ field: `spec.http[${i}].route[${j}].destination`, destination: d.destination, route: 'http', mirror: false });
    });
    if (r?.mirror) out.push({ field: `spec.http[${i}].mirror`, destination: r.mirror, route: 'http', mirror: true });
    asArray(r?.mirrors).forEach((m: any, k: number) => {
      if (m?.destination) out.push({ field: `spec.http[${i}].mirrors[${k}].destination`, destination: m.destination, route: 'http', mirror: true });
    });
  });
  for (const proto of ['tcp', 'tls'] as const) {
    asArray(spec[proto]).forEach((r: any, i: number) => {
      asArray(r?.route).forEach((d: any, j: number) => {
        if (d?.destination) out.push({ field: `spec.${proto}[${i}].route[${j}].destination`, destination: d.destination, route: proto, mirror: false });
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
export function gatewaysOf(vs: ManifestObject): GatewayRef[] {
  const written = asArray(vs.manifest.spec?.gateways).filter((g): g is string => typeof g === 'string');
  if (written.length === 0) return [{ key: 'mesh', name: 'mesh', written: 'mesh', field: 'spec.gateways' }];
  return written.map((g, i) => gatewayRef(g, vs.namespace, `spec.gateways[${i}]`));
}

/**
 * Parses `mesh`, `name`, `ns/name` or the legacy `name.ns[.svc.cluster.local]` (written in
 * `namespace`).
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
    ns = text.slice(0, slash) === '.' ? namespace : text.slice(0, slash);
    name = text.slice(slash + 1);
  } else if (text.includes('.')) {
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
 * A server host of a Gateway (`[namespace/]host`, `.` resolved to the Gateway's namespace), with
 * where it is written.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/gateway/#Server
 */
export interface AdmittedHost extends NamespacedHost {
  /** Where it is written, e.g. `spec.servers[0].hosts[1]`. */
  readonly field: string;
  /** The index of its server in `spec.servers`. */
  readonly server: number;
}

/**
 * The hosts of a Gateway's servers, each with the namespaces whose VirtualServices may bind to it.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/gateway/#Server
 */
export function gatewayHosts(gateway: ManifestObject): AdmittedHost[] {
  const out: AdmittedHost[] = [];
  asArray(gateway.manifest.spec?.servers).forEach((server: any, i: number) => {
    asArray(server?.hosts).forEach((h: unknown, j: number) => {
      if (typeof h === 'string') out.push({ ...parseNamespacedHost(h, gateway.namespace), field: `spec.servers[${i}].hosts[${j}]`, server: i });
    });
  });
  return out;
}

/**
 * The ports of a Service as destinations see them: number, name and protocol.
 *
 * @see https://istio.io/latest/docs/ops/configuration/traffic-management/protocol-selection/
 */
export function servicePorts(service: ManifestObject): HostPort[] {
  return asArray(service.manifest.spec?.ports).filter((p: any) => p !== null && typeof p === 'object').map((p: any) => ({
    number: Number(p.port),
    name: typeof p.name === 'string' ? p.name : undefined,
    protocol: typeof p.appProtocol === 'string' ? p.appProtocol.toUpperCase()
      : typeof p.name === 'string' ? p.name.split('-')[0].toUpperCase() || undefined : undefined,
  }));
}

/**
 * The ports of a ServiceEntry.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/service-entry/#ServicePort
 */
export function serviceEntryPorts(se: ManifestObject): HostPort[] {
  return asArray(se.manifest.spec?.ports).filter((p: any) => p !== null && typeof p === 'object').map((p: any) => ({
    number: Number(p.number),
    name: typeof p.name === 'string' ? p.name : undefined,
    protocol: typeof p.protocol === 'string' ? p.protocol.toUpperCase() : undefined,
  }));
}

/**
 * `9080 (http)`, for messages.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/virtual-service/#PortSelector
 */
export function portLabel(p: HostPort): string {
  return p.name ? `${p.number} (${p.name})` : `${p.number}`;
}

/**
 * The ports a resolved destination host offers, and who defines them, for messages: the
 * Service's ports, else the ports of the one ServiceEntry that covers the host (several
 * ServiceEntries merge, so the answer would be ambiguous: `undefined`).
 *
 * @see https://istio.io/latest/docs/reference/config/networking/service-entry/#ServicePort
 */
export function hostPorts(resolved: ResolvedHost): { owner: string; ports: Array<{ number: number; label: string }> } | undefined {
  const withLabels = (ports: readonly HostPort[]) => ports.map((p) => ({ number: p.number, label: portLabel(p) }));
  if (resolved.service) {
    return { owner: `Service '${resolved.service.qualifiedName}'`, ports: withLabels(servicePorts(resolved.service)) };
  }
  if (resolved.serviceEntries.length !== 1) return undefined;
  const se = resolved.serviceEntries[0];
  return { owner: `ServiceEntry '${se.qualifiedName}'`, ports: withLabels(serviceEntryPorts(se)) };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
