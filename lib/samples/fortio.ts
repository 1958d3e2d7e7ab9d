import * as kplus from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import { finishSampleDeployment, sampleContainerSecurityContext, sampleDeploymentProps } from './private/sample-workload';

/**
 * The fortio image of Istio 1.30.3's `samples/httpbin/sample-client/fortio-deploy.yaml`.
 *
 * @see https://istio.io/latest/docs/tasks/traffic-management/circuit-breaking/
 */
export const FORTIO_IMAGE = 'docker.io/fortio/fortio:latest_release';

/**
 * The Envoy stat prefixes the fortio pod's sidecar reports in addition to Istio's defaults
 * (`proxyStatsMatcher.inclusionPrefixes`), so that the circuit-breaking task can read the
 * `cluster.outbound` overflow counters through `pilot-agent request GET stats`.
 *
 * @see https://istio.io/latest/docs/tasks/traffic-management/circuit-breaking/
 */
export const FORTIO_PROXY_STATS_PREFIXES: readonly string[] = Object.freeze([
  'cluster.outbound',
  'cluster_manager',
  'listener_manager',
  'server',
  'cluster.xds-grpc',
]);

/**
 * The fortio load-testing client of Istio 1.30.3: the `fortio` Service (port 8080, named `http`,
 * selecting `app: fortio`) and the `fortio-deploy` Deployment, whose pods carry `app: fortio` and
 * the `proxy.istio.io/config` annotation that makes their sidecar expose the outbound cluster
 * statistics ({@link FORTIO_PROXY_STATS_PREFIXES}).
 *
 * It is the client of the circuit-breaking task: `kubectl exec deploy/fortio-deploy -c fortio --
 * /usr/bin/fortio load -c 2 -qps 0 -n 20 http://httpbin:8000/get` trips the breaker that a
 * DestinationRule configures for httpbin. The chart's namespace applies to every object.
 *
 * Like upstream it has no ServiceAccount of its own (the pods run as the namespace's `default`
 * account) and its container ports keep their upstream names (`http-fortio` 8080, `grpc-ping` 8079).
 * Deliberate differences from the upstream YAML, where cdk8s-plus-27 defaults differ: the pods do
 * not mount the service-account token, and the container drops all capabilities, forbids privilege
 * escalation and uses the `RuntimeDefault` seccomp profile. It does not set `runAsNonRoot` or a
 * UID, because the fortio image is built `FROM scratch` without a `USER` (it runs as root), nor
 * `readOnlyRootFilesystem`, because fortio saves results under `/var/lib/fortio`. No resource
 * requests, probes or extra labels are added.
 *
 * @example
 * const fortio = new FortioClient(chart, 'fortio');
 * fortio.deployment.name; // 'fortio-deploy'
 *
 * @see https://istio.io/latest/docs/tasks/traffic-management/circuit-breaking/
 */
export class FortioClient extends Construct {
  /** The `fortio` Service: port 8080 named `http`, selector `app: fortio`. */
  public readonly service: kplus.Service;

  /** The `fortio-deploy` Deployment (one replica, pods labelled `app: fortio`). */
  public readonly deployment: kplus.Deployment;

  constructor(scope: Construct, id: string) {
    super(scope, id);

    this.service = new kplus.Service(this, 'Service', {
      metadata: { name: 'fortio', labels: { app: 'fortio', service: 'fortio' } },
      // named `http` so Istio treats the port as HTTP; no target port, as upstream (same as the port)
      ports: [{ name: 'http', port: 8080 }],
    });
    this.service.selectLabel('app', 'fortio');

    const labels = { app: 'fortio' };
    const props = sampleDeploymentProps('fortio-deploy', labels);
    this.deployment = new kplus.Deployment(this, 'Deployment', {
      ...props,
      podMetadata: {
        ...props.podMetadata,
        annotations: { 'proxy.istio.io/config': renderProxyStatsConfig(FORTIO_PROXY_STATS_PREFIXES) },
      },
    });
    this.deployment.addContainer({
      name: 'fortio',
      image: FORTIO_IMAGE,
      // the tag moves with each fortio release, so upstream always pulls
      imagePullPolicy: kplus.ImagePullPolicy.ALWAYS,
      ports: [
        { number: 8080, name: 'http-fortio' },
        { number: 8079, name: 'grpc-ping' },
      ],
      // upstream sets no requests or limits; cdk8s-plus would request a whole CPU and 512Mi
      resources: {},
      securityContext: sampleContainerSecurityContext(),
    });
    finishSampleDeployment(this.deployment, labels);
  }
}

/** The `proxy.istio.io/config` value (ProxyConfig as YAML) that adds `prefixes` to the reported stats. */
function renderProxyStatsConfig(prefixes: readonly string[]): string {
  return ['proxyStatsMatcher:', '  inclusionPrefixes:', ...prefixes.map((p) => `  - ${JSON.stringify(p)}`)].join('\n');
}
