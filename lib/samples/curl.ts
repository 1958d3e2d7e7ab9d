import { Duration } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import { finishSampleDeployment, sampleContainerSecurityContext, sampleDeploymentProps } from './private/sample-workload';

/**
 * The curl image of Istio 1.30.3's `samples/curl/curl.yaml`.
 *
 * @see https://istio.io/latest/docs/tasks/traffic-management/mirroring/
 */
export const CURL_IMAGE = 'docker.io/curlimages/curl:8.16.0';

/**
 * The in-mesh curl client of Istio 1.30.3: the `curl` ServiceAccount, the `curl` Service (port 80,
 * named `http`, selecting `app: curl`) and the `curl` Deployment, whose container sleeps so that
 * requests can be sent from inside the mesh with
 * `kubectl exec deploy/curl -c curl -- curl -sS http://httpbin:8000/headers`.
 *
 * As upstream, the pod mounts the optional Secret `curl-secret` at `/etc/curl/tls` (for tasks that
 * give the client certificates; the pod starts without it) and stops immediately on deletion
 * (`terminationGracePeriodSeconds: 0`). The chart's namespace applies to every object.
 *
 * Deliberate differences from the upstream YAML, where cdk8s-plus-27 defaults differ: the pods do
 * not mount the service-account token, and the container drops all capabilities, forbids privilege
 * escalation and uses the `RuntimeDefault` seccomp profile. The image already runs as its
 * non-root `curl_user`, but that user is given by name, which the kubelet cannot check against
 * `runAsNonRoot: true` (the container would not start), and its UID is not pinned by the image, so
 * neither `runAsNonRoot` nor a UID is forced. The root filesystem stays writable because users ask
 * curl to write files. No resource requests, probes or extra labels are added.
 *
 * @example
 * const curl = new CurlClient(chart, 'curl');
 * curl.deployment.name; // 'curl'
 *
 * @see https://istio.io/latest/docs/tasks/traffic-management/mirroring/
 */
export class CurlClient extends Construct {
  /** The `curl` Service: port 80 named `http`, selector `app: curl`. */
  public readonly service: kplus.Service;

  /** The `curl` ServiceAccount the pod runs as. */
  public readonly serviceAccount: kplus.ServiceAccount;

  /** The `curl` Deployment (one replica, pods labelled `app: curl`). */
  public readonly deployment: kplus.Deployment;

  constructor(scope: Construct, id: string) {
    super(scope, id);

    this.serviceAccount = new kplus.ServiceAccount(this, 'ServiceAccount', {
      metadata: { name: 'curl' },
      // nothing in the pod calls the Kubernetes API; the sidecar uses its own istio-token
      automountToken: false,
    });

    this.service = new kplus.Service(this, 'Service', {
      metadata: { name: 'curl', labels: { app: 'curl', service: 'curl' } },
      // nothing listens here (the container sleeps); upstream declares the port so the workload is a Service
      ports: [{ name: 'http', port: 80 }],
    });
    this.service.selectLabel('app', 'curl');

    const labels = { app: 'curl' };
    this.deployment = new kplus.Deployment(this, 'Deployment', sampleDeploymentProps('curl', labels, {
      serviceAccount: this.serviceAccount,
      // the container only sleeps: nothing to drain
      terminationGracePeriod: Duration.seconds(0),
    }));

    // a reference to a Secret the user may create; nothing is rendered for it
    const tls = kplus.Secret.fromSecretName(this, 'TlsSecret', 'curl-secret');
    const volume = kplus.Volume.fromSecret(this, 'TlsVolume', tls, { name: 'secret-volume', optional: true });
    this.deployment.addContainer({
      name: 'curl',
      image: CURL_IMAGE,
      imagePullPolicy: kplus.ImagePullPolicy.IF_NOT_PRESENT,
      command: ['/bin/sleep', 'infinity'],
      volumeMounts: [{ path: '/etc/curl/tls', volume }],
      // upstream sets no requests or limits; cdk8s-plus would request a whole CPU and 512Mi
      resources: {},
      securityContext: sampleContainerSecurityContext(),
    });
    finishSampleDeployment(this.deployment, labels);
  }
}
