/**
 * Sidecar injection as Istio decides it: the namespace labels, the pod's own label or annotation,
 * the `istio-proxy` container, and the injection webhooks' selectors.
 */
import { asArray, asRecord, isRecord } from '../manifest/read';
import { ManifestObject } from '../manifest-object';
import { labelSelectorMatches } from './selectors';
import type { PodTemplate } from './workloads';

/**
 * The namespaces `istioctl analyze` leaves out entirely (Istio's `inject.IgnoredNamespaces`):
 * Kubernetes' own, never injected.
 *
 * @see https://istio.io/latest/docs/ops/diagnostic-tools/istioctl-analyze/
 */
export const IGNORED_NAMESPACES: ReadonlySet<string> = new Set(['kube-system', 'kube-public', 'kube-node-lease', 'local-path-storage']);

/** The name of the sidecar proxy container. */
export const PROXY_CONTAINER = 'istio-proxy';
/** The namespace label that turns sidecar injection on (`enabled`) or off (`disabled`). */
export const INJECTION_LABEL = 'istio-injection';
/** The namespace (or pod) label that picks a control plane revision to inject. */
export const REVISION_LABEL = 'istio.io/rev';
/** The namespace (or pod) label that enrolls pods in ambient mode (`ambient`) or opts out (`none`). */
export const DATAPLANE_MODE_LABEL = 'istio.io/dataplane-mode';
/** The pod label (or annotation) that forces injection on or off for one pod. */
export const SIDECAR_INJECT = 'sidecar.istio.io/inject';
/** The pod annotation istio-cni writes once a pod's traffic is redirected to ztunnel. */
export const AMBIENT_REDIRECTION_ANNOTATION = 'ambient.istio.io/redirection';

/**
 * Whether an object belongs to Istio's own installation, as istioctl tells it: an `istio` label
 * (istiod, the gateways) or `release: istio`.
 *
 * @see https://istio.io/latest/docs/reference/config/analysis/ist0144/
 */
export function isIstioControlPlane(object: ManifestObject): boolean {
  const labels = asRecord(object.manifest.metadata?.labels);
  return 'istio' in labels || labels.release === 'istio';
}

/**
 * The injection labels of a Namespace that count, as `key=value`, as istioctl lists them for
 * IST0123: `istio-injection` whatever its value, and `istio.io/rev` and
 * `istio.io/dataplane-mode` unless `istio-injection` is set to anything but `enabled`.
 *
 * @see https://istio.io/latest/docs/reference/config/analysis/ist0123/
 */
export function injectionLabelsOf(namespace: ManifestObject): string[] {
  const labels = asRecord(namespace.manifest.metadata?.labels);
  const out: string[] = [];
  const injection = labels[INJECTION_LABEL];
  const hasInjection = injection !== undefined && injection !== null;
  if (hasInjection) out.push(`${INJECTION_LABEL}=${injection}`);
  for (const key of [REVISION_LABEL, DATAPLANE_MODE_LABEL]) {
    if (labels[key] !== undefined && labels[key] !== null && (!hasInjection || injection === 'enabled')) out.push(`${key}=${labels[key]}`);
  }
  return out;
}

/**
 * The image of the pod's `istio-proxy` container (or native sidecar init container), or
 * `undefined` when it has none.
 *
 * @see https://istio.io/latest/docs/setup/additional-setup/sidecar-injection/#manual-sidecar-injection
 */
export function proxyImageOf(pod: PodTemplate): string | undefined {
  for (const c of [...asArray(pod.spec.containers), ...asArray(pod.spec.initContainers)]) {
    if (isRecord(c) && c.name === PROXY_CONTAINER) return typeof c.image === 'string' ? c.image : '';
  }
  return undefined;
}

/**
 * Whether the pod carries its own proxy: an `istio-proxy` container with an image (manual
 * injection, or a pod read from a cluster).
 *
 * @see https://istio.io/latest/docs/setup/additional-setup/sidecar-injection/#manual-sidecar-injection
 */
export function hasProxyContainer(pod: PodTemplate): boolean {
  const image = proxyImageOf(pod);
  return image !== undefined && image !== '';
}

/**
 * The pod's own `sidecar.istio.io/inject` setting: the label, else the annotation (`'true'`,
 * `'false'` or another value), or `undefined` when neither is set.
 *
 * @see https://istio.io/latest/docs/setup/additional-setup/sidecar-injection/#controlling-the-injection-policy
 */
export function podInjectSetting(pod: PodTemplate): string | undefined {
  return pod.labels[SIDECAR_INJECT] ?? pod.annotations[SIDECAR_INJECT];
}

/**
 * The mutating webhooks of Istio's injector among the input objects (every
 * `MutatingWebhookConfiguration` webhook whose name ends in `istio.io`), as istioctl finds them.
 *
 * @see https://istio.io/latest/docs/ops/common-problems/injection/
 */
export function istioInjectionWebhooks(configurations: readonly ManifestObject[]): any[] {
  const out: any[] = [];
  for (const c of configurations) {
    for (const w of asArray(c.manifest.webhooks)) {
      if (isRecord(w) && typeof w.name === 'string' && w.name.endsWith('istio.io')) out.push(w);
    }
  }
  return out;
}

/**
 * Whether one of the injector's webhooks admits a pod: its `namespaceSelector` matches the
 * namespace labels and its `objectSelector` the pod labels (an absent selector matches all).
 *
 * @see https://kubernetes.io/docs/reference/access-authn-authz/extensible-admission-controllers/#matching-requests-namespaceselector
 */
export function webhooksAdmit(webhooks: readonly any[], namespaceLabels: Readonly<Record<string, string>>, podLabels: Readonly<Record<string, string>>): boolean {
  return webhooks.some((w) => labelSelectorMatches(w.namespaceSelector, namespaceLabels) && labelSelectorMatches(w.objectSelector, podLabels));
}

/**
 * Whether Istio's default injection webhooks (istiod's chart: by namespace label, by revision,
 * or by the pod label `sidecar.istio.io/inject: "true"`) would inject a pod with these labels
 * into a namespace with these labels.
 *
 * @see https://istio.io/latest/docs/setup/additional-setup/sidecar-injection/#controlling-the-injection-policy
 */
export function defaultWebhooksInject(namespaceLabels: Readonly<Record<string, string>>, podLabels: Readonly<Record<string, string>>): boolean {
  const injection = namespaceLabels[INJECTION_LABEL];
  const podInject = podLabels[SIDECAR_INJECT];
  if (podInject === 'false') return false;
  if (injection === 'enabled') return true;
  if (injection !== undefined) return false;
  if (namespaceLabels[REVISION_LABEL]) return true;
  return podInject === 'true' || !!podLabels[REVISION_LABEL];
}
