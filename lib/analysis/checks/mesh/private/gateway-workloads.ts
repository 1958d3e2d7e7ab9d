/**
 * The workloads a Gateway's selector picks, in every namespace (Istio's default: a Gateway
 * selects gateway pods cluster-wide), and the Services in front of them, for the gateway checks
 * (CI1040-CI1043). Built once per check run: pod labels are indexed across namespaces.
 */
import { asArray, asRecord, isRecord } from '../../../manifest/read';
import { ManifestObject } from '../../../manifest-object';
import { InstalledGateway } from '../../../model/installation';
import { MeshModel, PodTemplate, selects } from '../../../model/mesh-model';

/** A workload a Gateway can select: a pod (template) of the input, or a declared installed gateway. */
export interface GatewayWorkload {
  /** For messages: `Deployment istio-system/ingress`, or `istio-system/istio-ingressgateway (installed)`. */
  readonly label: string;
  /** Its pod labels. */
  readonly labels: Readonly<Record<string, string>>;
  /** The pod template, for a workload of the input. */
  readonly pod?: PodTemplate;
  /** The declared installed gateway, for one outside the input. */
  readonly installed?: InstalledGateway;
}

/** The ports on which the Services in front of some gateway workloads forward traffic. */
export interface ServiceReach {
  /** Every TCP Service port, and every target port it forwards to (resolved to a number). */
  readonly ports: ReadonlySet<number>;
  /** `namespace/name: port -> targetPort, ...` of each Service, for messages. */
  readonly services: readonly string[];
}

/**
 * A Gateway's `spec.selector` as a label map of strings: `undefined` when it is missing or empty
 * (it then applies to every gateway workload) or not a map of scalars (the schema reports it).
 */
export function gatewaySelector(gateway: ManifestObject): Record<string, string> | undefined {
  const selector = gateway.manifest.spec?.selector;
  if (!isRecord(selector)) return undefined;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(selector)) {
    if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') return undefined;
    out[k] = String(v);
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** The gateway workloads of the input and of the declared installation, indexed by label in every namespace. */
export class GatewayWorkloads {
  /** Whether the installation is declared: then these are all the gateway workloads of the cluster. */
  public readonly complete: boolean;
  private readonly byLabel = new Map<string, GatewayWorkload[]>();

  constructor(private readonly model: MeshModel) {
    this.complete = model.installedGateways !== undefined;
    const workloads: GatewayWorkload[] = [
      ...model.podTemplates.map((pod) => ({ label: `${pod.owner.kind} ${pod.owner.qualifiedName}`, labels: pod.labels, pod })),
      ...(model.installedGateways ?? []).map((g) => ({ label: `${g.namespace}/${g.name} (installed)`, labels: g.labels, installed: g })),
    ];
    for (const w of workloads) {
      for (const [k, v] of Object.entries(w.labels)) push(this.byLabel, `${k}\0${v}`, w);
    }
  }

  /** The workloads whose labels hold every label of `selector` (not empty), in any namespace. */
  public select(selector: Readonly<Record<string, string>>): GatewayWorkload[] {
    let smallest: readonly GatewayWorkload[] | undefined;
    for (const [k, v] of Object.entries(selector)) {
      const list = this.byLabel.get(`${k}\0${v}`) ?? [];
      if (!smallest || list.length < smallest.length) smallest = list;
    }
    return (smallest ?? []).filter((w) => selects(selector, w.labels));
  }

  /**
   * The ports on which the Services in front of `workloads` forward traffic: every TCP Service
   * port and the target port it forwards to (a named target port resolved through the pod's
   * container ports), as Istio's IngressGatewayPortAnalyzer accepts either. `undefined` when no
   * Service of the input selects any of them (and none is installed).
   */
  public reach(workloads: readonly GatewayWorkload[]): ServiceReach | undefined {
    const ports = new Set<number>();
    const services: string[] = [];
    for (const w of workloads) {
      if (w.installed) {
        for (const p of w.installed.ports) ports.add(p.port).add(p.targetPort ?? p.port);
        services.push(`${w.installed.namespace}/${w.installed.name} (installed): ${describe(w.installed.ports.map((p) => [p.port, p.targetPort ?? p.port]))}`);
        continue;
      }
      for (const service of this.model.servicesOf(w.pod!)) {
        const mapped: Array<[number, number | undefined]> = [];
        for (const p of asArray(service.manifest.spec?.ports)) {
          // Kubernetes defaults the protocol to TCP; UDP and SCTP ports carry no gateway server
          if (!isRecord(p) || (p.protocol !== undefined && p.protocol !== 'TCP')) continue;
          const port = Number(p.port);
          if (!Number.isInteger(port)) continue;
          ports.add(port);
          const target = p.targetPort === undefined ? port : targetPortOf(p.targetPort, w.pod!);
          if (target !== undefined) ports.add(target);
          mapped.push([port, target]);
        }
        services.push(`${service.qualifiedName}: ${mapped.length > 0 ? describe(mapped) : 'no TCP port'}`);
      }
    }
    return services.length === 0 ? undefined : { ports, services: [...new Set(services)] };
  }
}

/** `80 -> 8080, 443` for messages (a target port equal to the port, or unknown, is not repeated). */
function describe(ports: ReadonlyArray<readonly [number, number | undefined]>): string {
  return [...new Set(ports.map(([port, target]) => (target === undefined || target === port ? `${port}` : `${port} -> ${target}`)))].join(', ');
}

/** A Service port's `targetPort` as a number: a number, a numeric string, or a container port name of the pod. */
function targetPortOf(targetPort: unknown, pod: PodTemplate): number | undefined {
  if (typeof targetPort === 'number') return targetPort;
  if (typeof targetPort !== 'string' || targetPort === '') return undefined;
  if (/^[0-9]+$/.test(targetPort)) return Number(targetPort);
  for (const container of asArray(pod.spec.containers)) {
    for (const p of asArray(asRecord(container).ports)) {
      if (isRecord(p) && p.name === targetPort && typeof p.containerPort === 'number') return p.containerPort;
    }
  }
  return undefined;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
