/**
 * Shared shaping of the sample workloads (httpbin, fortio, curl): the cdk8s-plus-27 defaults that
 * the upstream Istio sample YAML does not have are either switched off here or chosen on purpose.
 */
import { ApiObject, JsonPatch } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';

/** The label cdk8s-plus adds to every pod template for its own selectors. */
const CDK8S_ADDR_LABEL = 'cdk8s.io/metadata.addr';

/**
 * A container security context for an upstream sample image that may run as root.
 *
 * - `allowPrivilegeEscalation: false`, `privileged: false` and `capabilities.drop: [ALL]`: none of
 *   the sample images needs a capability (they listen on ports above 1024 or not at all).
 * - `runAsNonRoot: false`: cdk8s-plus would render `true`, but the go-httpbin and fortio images
 *   declare no `USER` (they run as root) and the curl image declares the non-numeric
 *   `USER curl_user`, which the kubelet cannot verify; `true` would stop each of them with
 *   `CreateContainerConfigError`. Forcing a UID is avoided on purpose (see each construct).
 * - `readOnlyRootFilesystem: false`: cdk8s-plus would render `true`, but fortio writes its results
 *   under `/var/lib/fortio`, go-httpbin may spill large multipart uploads to `/tmp`, and curl is an
 *   interactive tool that users ask to write files.
 *
 * The seccomp profile is added by {@link finishSampleDeployment} (cdk8s-plus-27 has no field for it).
 */
export function sampleContainerSecurityContext(): kplus.ContainerSecurityContextProps {
  return {
    ensureNonRoot: false,
    readOnlyRootFilesystem: false,
    allowPrivilegeEscalation: false,
    privileged: false,
    // 'ALL' is what Kubernetes expects; cdk8s-plus-27's Capability enum has no member for it
    capabilities: { drop: ['ALL' as kplus.Capability] },
  };
}

/**
 * The Deployment props every sample shares: an exact name, one replica, selection by the given
 * labels only (no `cdk8s.io/metadata.addr`), a pod that does not mount the service-account token,
 * and a pod security context that does not force `runAsNonRoot` (see
 * {@link sampleContainerSecurityContext}).
 */
export function sampleDeploymentProps(name: string, labels: Record<string, string>, extra: Partial<kplus.DeploymentProps> = {}): kplus.DeploymentProps {
  return {
    metadata: { name },
    // upstream runs one replica; cdk8s-plus would render 2
    replicas: 1,
    // select by the app/version labels that Istio and the sample docs use, not by a generated label
    select: false,
    podMetadata: { labels: { ...labels } },
    // none of the images calls the Kubernetes API, and the Istio sidecar gets its identity from its
    // own projected `istio-token` volume, not from this token
    automountServiceAccountToken: false,
    securityContext: { ensureNonRoot: false },
    ...extra,
  };
}

/**
 * Finishes a sample Deployment built from {@link sampleDeploymentProps}: selects its pods by
 * `labels`, drops the `cdk8s.io/metadata.addr` pod label cdk8s-plus always adds (so the
 * rendered pods carry only the upstream labels), and sets the `RuntimeDefault` seccomp profile on
 * its single container.
 *
 * Because the address label is gone, select these pods by their labels
 * (`service.selectLabel('app', 'httpbin')`), never with `service.select(deployment)`.
 */
export function finishSampleDeployment(deployment: kplus.Deployment, labels: Record<string, string>): void {
  deployment.select(kplus.LabelSelector.of({ labels: { ...labels } }));
  const obj = ApiObject.of(deployment);
  obj.addJsonPatch(JsonPatch.remove(`/spec/template/metadata/labels/${CDK8S_ADDR_LABEL.replace(/~/g, '~0').replace(/\//g, '~1')}`));
  // container-level so the injected istio-proxy and istio-init containers keep the settings Istio gives them
  obj.addJsonPatch(JsonPatch.add('/spec/template/spec/containers/0/securityContext/seccompProfile', { type: 'RuntimeDefault' }));
}
