import { asArray, asRecord, isRecord } from '../../manifest/read';
import { defaultWebhooksInject, istioInjectionWebhooks, podInjectSetting, PROXY_CONTAINER, webhooksAdmit } from '../../model/injection';
import { isOwned } from '../../model/workloads';
import { defineCheck } from '../../check';
import { Severity } from '../../finding';

/**
 * CI1063: a pod's `istio-proxy` container has `image: auto`, but no injection webhook will
 * inject the pod, so the image stays `auto` and the container never starts: an error for a Pod
 * (istioctl IST0147), a warning for a workload's pod template (IST0146).
 *
 * `image: auto` asks the injector to fill in the proxy image (the gateway injection template).
 * The webhooks are the input's `MutatingWebhookConfiguration` webhooks whose name ends in
 * `istio.io`, matched on the namespace's and the pod's labels, as istioctl does; when the input
 * holds none (Istio installed apart from the app), Istio's default webhooks are assumed: the
 * namespace labels `istio-injection=enabled` or `istio.io/rev`, or the pod label
 * `sidecar.istio.io/inject: "true"`, and a namespace declared external and meshed. A Pod that
 * the webhooks do admit is not reported (istioctl reports it anyway, reading Pods as they run).
 *
 * @see https://istio.io/latest/docs/reference/config/analysis/ist0146/
 * @see https://istio.io/latest/docs/setup/additional-setup/gateway/#deploying-a-gateway
 */
export const ImageAutoWithoutInjection = defineCheck({
  code: 'CI1063',
  name: 'ImageAutoWithoutInjection',
  severity: Severity.WARNING,
  counterpart: 'IST0146 ImageAutoWithoutInjectionWarning / IST0147 ImageAutoWithoutInjectionError',
  catches: 'a pod with `image: auto` in its istio-proxy container will not be injected (error for a Pod, warning for a pod template)',
  scope: 'mesh',
  evaluate({ model, report }) {
    const webhooks = istioInjectionWebhooks(model.ofKind('MutatingWebhookConfiguration.admissionregistration.k8s.io'));
    for (const pod of model.podTemplates) {
      const index = asArray(pod.spec.containers).findIndex((c: any) => isRecord(c) && c.name === PROXY_CONTAINER && c.image === 'auto');
      if (index < 0 || isOwned(pod)) continue;
      const namespaceObject = model.namespaceObject(pod.namespace);
      const namespaceLabels: Record<string, string> = {};
      for (const [k, v] of Object.entries(asRecord(namespaceObject?.manifest.metadata?.labels))) namespaceLabels[k] = String(v);
      const optedOut = (podInjectSetting(pod) ?? '').toLowerCase() === 'false';
      const injected = !optedOut && (webhooks.length > 0 ? webhooksAdmit(webhooks, namespaceLabels, pod.labels)
        : defaultWebhooksInject(namespaceLabels, pod.labels) || (!namespaceObject && model.isInjected(pod.namespace) === true));
      if (injected) continue;
      const isPod = pod.owner.kind === 'Pod' && pod.owner.group === '';
      const by = webhooks.length > 0 ? `the injection webhooks of the input (${webhooks.map((w) => w.name).join(', ')})` : 'Istio\'s default injection webhooks';
      report(pod.owner, {
        field: `${pod.specField}.containers[${index}].image`,
        value: 'auto',
        severity: isPod ? Severity.ERROR : Severity.WARNING,
        message: `${pod.owner.kind} '${pod.owner.qualifiedName}' has image: auto in its istio-proxy container, but ${by} do not select it (namespace '${pod.namespace}' labels {${Object.entries(namespaceLabels).map(([k, v]) => `${k}=${v}`).join(', ')}}), so the image is never filled in and the proxy cannot start`,
        fix: `label Namespace '${pod.namespace}' istio-injection: enabled (or istio.io/rev: <revision>), or label the pod template sidecar.istio.io/inject: "true"; otherwise set a real proxy image`,
      });
    }
  },
});
