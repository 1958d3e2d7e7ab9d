import { ManifestObject } from '../../manifest-object';
import { asArray, PodTemplate, qualifiedName, selects, WorkloadPeerAuthentications } from '../../model/mesh-model';
import { EffectiveMtls, effectiveMtls, mtlsModeOnPort } from '../../model/peer-authentication';
import { isRecord } from '../../manifest/read';
import { defineCheck } from '../../check';
import { Severity } from '../../finding';

/** One client TLS setting of a DestinationRule: where, which mode, for which subset labels and Service port. */
interface TlsSetting {
  readonly field: string;
  readonly mode: unknown;
  readonly subsetLabels: Readonly<Record<string, string>>;
  /** The Service port of a `portLevelSettings` entry; `undefined` for every port without its own setting. */
  readonly port?: number;
  /** The Service ports that have their own setting at this level (the whole-host setting does not apply to them). */
  readonly overridden: ReadonlySet<number>;
}

/** The client TLS settings of a traffic policy: its own, and those of its `portLevelSettings`. */
function settingsOf(policy: any, prefix: string, subsetLabels: Readonly<Record<string, string>>): TlsSetting[] {
  const ports: TlsSetting[] = [];
  asArray(policy?.portLevelSettings).forEach((p: any, i: number) => {
    const number = Number(p?.port?.number);
    if (Number.isInteger(number) && isRecord(p?.tls)) ports.push({ field: `${prefix}.portLevelSettings[${i}].tls.mode`, mode: p.tls.mode, subsetLabels, port: number, overridden: new Set() });
  });
  const overridden = new Set(ports.map((p) => p.port!));
  const own = isRecord(policy?.tls) ? [{ field: `${prefix}.tls.mode`, mode: policy.tls.mode, subsetLabels, overridden }] : [];
  return [...own, ...ports];
}

/**
 * The target (container) port a Service port sends to on `pod`: its `targetPort` (a number, or a
 * container port name), else the port itself; `undefined` when a named port is not found.
 */
function targetPortOf(servicePort: any, pod: PodTemplate): number | undefined {
  const target = servicePort?.targetPort;
  if (target === undefined || target === null) return Number(servicePort?.port);
  if (typeof target === 'number' || /^\d+$/.test(String(target))) return Number(target);
  for (const c of asArray(pod.spec.containers)) {
    for (const p of asArray((c as any)?.ports)) if ((p as any)?.name === target) return Number((p as any).containerPort);
  }
  return undefined;
}

/** Whether a client TLS mode clashes with the server's mTLS mode. */
function clashes(client: unknown, server: string): boolean {
  return client === 'DISABLE' ? server === 'STRICT' : client === 'ISTIO_MUTUAL' && server === 'DISABLE';
}

/**
 * CI1014: a DestinationRule's client TLS mode conflicts with the PeerAuthentication of its
 * destination workloads (warning; Kiali KIA0207 / KIA0208; istioctl has no analyzer for it since
 * 1.30 retired IST0113).
 *
 * `DISABLE` (plain text) toward workloads whose PeerAuthentication is `STRICT` is refused by the
 * server; `ISTIO_MUTUAL` toward `DISABLE` sends mTLS to a server that does not accept it. The
 * mode is composed as istiod does (mesh-wide in `istio-system`, namespace-wide, then
 * workload-level, the oldest of each level, UNSET inheriting), port by port: a workload-level
 * policy's `portLevelMtls` (by container port) against the DestinationRule's setting for the
 * Service port that targets it (`portLevelSettings[].tls`, else the host's `tls`), for the
 * whole host and for each subset. A warning: Istio accepts both objects, and requests fail at
 * run time.
 *
 * @see https://istio.io/latest/docs/reference/config/security/peer_authentication/
 * @see https://istio.io/latest/docs/reference/config/networking/destination-rule/#ClientTLSSettings
 */
export const MtlsConflict = defineCheck({
  code: 'CI1014',
  name: 'MtlsConflict',
  severity: Severity.WARNING,
  counterpart: 'KIA0207 / KIA0208; no istioctl analyzer (Istio 1.30 retired MTLSPolicyConflict)',
  catches: 'a DestinationRule client TLS mode conflicts with the PeerAuthentication of its destination, for the host or one port',
  scope: 'mesh',
  evaluate({ model, report }) {
    const modes = new Map<PodTemplate, EffectiveMtls>();
    const mtlsOf = (pod: PodTemplate) => {
      if (!modes.has(pod)) modes.set(pod, effectiveMtls(model.peerAuthenticationsFor(pod)));
      return modes.get(pod)!;
    };
    for (const dr of model.destinationRules) {
      const host = dr.manifest.spec?.host;
      if (typeof host !== 'string') continue;
      const { service } = model.resolveHost(host, dr.namespace);
      if (!service) continue;
      const pods = model.podsOf(service);
      const servicePorts = asArray(service.manifest.spec?.ports).filter(isRecord);
      const settings = [
        ...settingsOf(dr.manifest.spec?.trafficPolicy, 'spec.trafficPolicy', {}),
        ...asArray(dr.manifest.spec?.subsets).flatMap((s: any, i: number) => settingsOf(s?.trafficPolicy, `spec.subsets[${i}].trafficPolicy`, isRecord(s?.labels) ? s.labels : {})),
      ];
      for (const setting of settings) {
        if (setting.mode !== 'DISABLE' && setting.mode !== 'ISTIO_MUTUAL') continue;
        const ports = servicePorts.filter((p) => (setting.port === undefined ? !setting.overridden.has(Number(p.port)) : Number(p.port) === setting.port));
        // every port of the Service has its own setting, or the port-level one names no port of it
        if (servicePorts.length > 0 && ports.length === 0) continue;
        const clash = findClash(setting, pods.filter((p) => selects(setting.subsetLabels, p.labels)), ports, mtlsOf)
          ?? (pods.length === 0 ? namespaceClash(setting, model.peerAuthenticationsFor(placeholder(service))) : undefined);
        if (!clash) continue;
        const policy = clash.policy ? `PeerAuthentication ${qualifiedName(clash.policy)}` : 'the mesh default';
        const where = clash.port !== undefined ? ` on port ${clash.port}` : '';
        report(dr, {
          field: setting.field,
          value: setting.mode,
          message: `client tls mode ${setting.mode} toward Service '${service.namespace}/${service.name}' conflicts with ${policy}, which sets mtls mode ${clash.mode}${where}`,
          fix: setting.mode === 'DISABLE'
            ? `use ISTIO_MUTUAL (or remove the tls setting), or make ${policy} PERMISSIVE${where}`
            : `use DISABLE toward this host${where}, or make ${policy} PERMISSIVE or STRICT${where}`,
        });
      }
    }
  },
});

interface Clash {
  readonly mode: string;
  readonly policy?: ManifestObject;
  /** The container port of a port-level mode. */
  readonly port?: number;
}

/** The first pod and port whose server mode clashes with the setting. */
function findClash(setting: TlsSetting, pods: readonly PodTemplate[], ports: readonly any[], mtlsOf: (p: PodTemplate) => EffectiveMtls): Clash | undefined {
  for (const pod of pods) {
    const mtls = mtlsOf(pod);
    const targets = ports.length > 0 ? ports.map((p) => targetPortOf(p, pod)) : [undefined];
    for (const target of targets) {
      const mode = target === undefined ? mtls.mode : mtlsModeOnPort(mtls, target);
      if (!clashes(setting.mode, mode)) continue;
      const portLevel = target !== undefined && mtls.ports?.[String(target)] !== undefined;
      return { mode, policy: portLevel ? mtls.workloadPolicy : mtls.policy, port: portLevel ? target : undefined };
    }
  }
  return undefined;
}

/** Without pods in the app, the namespace-wide or mesh-wide mode of the Service's namespace. */
function namespaceClash(setting: TlsSetting, levels: WorkloadPeerAuthentications): Clash | undefined {
  const mtls = effectiveMtls(levels);
  return clashes(setting.mode, mtls.mode) ? { mode: mtls.mode, policy: mtls.policy } : undefined;
}

/** A pod without labels in the Service's namespace: it sees only the namespace-wide and mesh-wide policies. */
function placeholder(service: ManifestObject): PodTemplate {
  return { owner: service, namespace: service.namespace, labels: {}, annotations: {}, spec: {}, serviceAccountName: 'default', labelsField: '', specField: '' };
}
