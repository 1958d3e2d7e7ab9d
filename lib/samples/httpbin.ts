import * as kplus from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import { dns1123SubdomainProblem, labelValueProblem } from '../analysis/values/validate';
import { finishSampleDeployment, sampleContainerSecurityContext, sampleDeploymentProps } from './private/sample-workload';

/**
 * The httpbin image of Istio 1.30.3's `samples/httpbin/httpbin.yaml`: go-httpbin, which listens on
 * port 8080 and logs every request to standard output.
 *
 * @see https://istio.io/latest/docs/tasks/traffic-management/circuit-breaking/
 */
export const HTTPBIN_IMAGE = 'docker.io/mccutchen/go-httpbin:v2.15.0';

/**
 * The port the httpbin Service exposes (`httpbin:8000`), as in the upstream sample.
 *
 * @see https://istio.io/latest/docs/tasks/traffic-management/mirroring/
 */
export const HTTPBIN_SERVICE_PORT = 8000;

/**
 * The port the go-httpbin container listens on (its default), the Service's target port.
 *
 * @see https://istio.io/latest/docs/tasks/traffic-management/circuit-breaking/
 */
export const HTTPBIN_CONTAINER_PORT = 8080;

/**
 * Properties of {@link Httpbin}.
 *
 * @see https://istio.io/latest/docs/tasks/traffic-management/circuit-breaking/
 * @see https://istio.io/latest/docs/tasks/traffic-management/mirroring/
 */
export interface HttpbinProps {
  /**
   * The versions to deploy, one Deployment each, whose pods carry `app: httpbin` and
   * `version: <version>` (what DestinationRule subsets select).
   *
   * With one version the Deployment is named `httpbin`, as in upstream `httpbin.yaml` (the
   * circuit-breaking task). With several, each is named `httpbin-<version>`, as in the mirroring
   * task (`httpbin-v1`, `httpbin-v2`). All versions run the same image and container.
   *
   * @default ['v1']
   */
  readonly versions?: string[];
}

/**
 * The httpbin sample workload of Istio 1.30.3: the `httpbin` ServiceAccount, the `httpbin` Service
 * (port 8000, named `http`, to container port 8080, selecting `app: httpbin` across versions) and
 * one Deployment per version.
 *
 * It is the server of the circuit-breaking task (one version) and of the mirroring task (`v1` and
 * `v2`, mirroring from one to the other). The chart's namespace applies to every object.
 *
 * Deliberate differences from the upstream YAML, where cdk8s-plus-27 defaults differ: the pods do
 * not mount the service-account token, and the container drops all capabilities, forbids privilege
 * escalation and uses the `RuntimeDefault` seccomp profile. It does not set `runAsNonRoot` or a
 * UID: the go-httpbin image declares no `USER` (it runs as root), so `runAsNonRoot: true` would stop
 * the container; and it does not set `readOnlyRootFilesystem`, because go-httpbin may write large
 * multipart uploads to `/tmp`. No resource requests, probes or extra labels are added.
 *
 * Upstream's mirroring task (up to Istio 1.23 at least) started the older kennethreitz/httpbin
 * image with gunicorn and `--access-logfile -` so that each version logs its requests; go-httpbin
 * logs every request by default, so every version here runs upstream's go-httpbin container
 * unchanged, without arguments.
 *
 * Problems with `versions` (none, duplicates, a version that is not a label value or that makes an
 * invalid Deployment name) are reported together at synthesis; the constructor never throws.
 *
 * @example
 * const httpbin = new Httpbin(chart, 'httpbin', { versions: ['v1', 'v2'] });
 * Destination.fromService(httpbin.service, { subset: 'v1' });
 * Subset.fromWorkload('v2', httpbin.deployments.v2);
 *
 * @see https://istio.io/latest/docs/tasks/traffic-management/mirroring/
 * @see https://istio.io/latest/docs/tasks/traffic-management/circuit-breaking/
 */
export class Httpbin extends Construct {
  /** The `httpbin` Service: port 8000 named `http`, target port 8080, selector `app: httpbin`. */
  public readonly service: kplus.Service;

  /** The `httpbin` ServiceAccount every version runs as. */
  public readonly serviceAccount: kplus.ServiceAccount;

  /** The Deployments keyed by version (`deployments.v1`), one per distinct version. */
  public readonly deployments: { readonly [version: string]: kplus.Deployment };

  /** The versions as given, for validation. */
  private readonly requestedVersions: string[];

  constructor(scope: Construct, id: string, props: HttpbinProps = {}) {
    super(scope, id);
    this.requestedVersions = [...(props.versions ?? ['v1'])];

    this.serviceAccount = new kplus.ServiceAccount(this, 'ServiceAccount', {
      metadata: { name: 'httpbin' },
      // nothing in the pod calls the Kubernetes API; the sidecar uses its own istio-token
      automountToken: false,
    });

    this.service = new kplus.Service(this, 'Service', {
      metadata: { name: 'httpbin', labels: { app: 'httpbin', service: 'httpbin' } },
      // named `http` so Istio treats the port as HTTP without protocol sniffing
      ports: [{ name: 'http', port: HTTPBIN_SERVICE_PORT, targetPort: HTTPBIN_CONTAINER_PORT }],
    });
    // every version behind one Service, as upstream; subsets pick versions by the `version` label
    this.service.selectLabel('app', 'httpbin');

    const versions = unique(this.requestedVersions);
    const deployments: { [version: string]: kplus.Deployment } = {};
    for (const version of versions) {
      deployments[version] = this.createDeployment(version, httpbinDeploymentName(version, versions.length));
    }
    this.deployments = deployments;

    this.node.addValidation({ validate: () => this.validateVersions() });
  }

  private createDeployment(version: string, name: string): kplus.Deployment {
    const labels = { app: 'httpbin', version };
    const deployment = new kplus.Deployment(this, `Deployment-${version}`, sampleDeploymentProps(name, labels, {
      serviceAccount: this.serviceAccount,
    }));
    deployment.addContainer({
      name: 'httpbin',
      image: HTTPBIN_IMAGE,
      imagePullPolicy: kplus.ImagePullPolicy.IF_NOT_PRESENT,
      // `ports` rather than `portNumber`: the latter makes cdk8s-plus add a TCP startup probe
      ports: [{ number: HTTPBIN_CONTAINER_PORT }],
      // upstream sets no requests or limits; cdk8s-plus would request a whole CPU and 512Mi
      resources: {},
      securityContext: sampleContainerSecurityContext(),
    });
    finishSampleDeployment(deployment, labels);
    return deployment;
  }

  private validateVersions(): string[] {
    const errors: string[] = [];
    const versions = this.requestedVersions;
    if (versions.length === 0) {
      errors.push('versions = []: no httpbin Deployment is created, so the httpbin Service selects no pods (fix: pass at least one version, e.g. [\'v1\'])');
    }
    const distinct = unique(versions);
    for (const version of distinct) {
      if (versions.indexOf(version) !== versions.lastIndexOf(version)) {
        errors.push(`versions = ${JSON.stringify(versions)}: version '${version}' is listed more than once; one Deployment is created for it (fix: list each version once)`);
      }
      const labelProblem = labelValueProblem(version);
      if (labelProblem) {
        errors.push(`versions = '${version}': the value of the pod label 'version' ${labelProblem} (fix: use a version such as 'v2')`);
        continue;
      }
      const name = httpbinDeploymentName(version, distinct.length);
      const nameProblem = dns1123SubdomainProblem(name);
      if (nameProblem) {
        errors.push(`versions = '${version}': the Deployment name '${name}' ${nameProblem} (fix: use a lowercase version such as 'v2')`);
      }
    }
    return errors;
  }
}

/** `httpbin` for a single version (upstream `httpbin.yaml`), `httpbin-<version>` for several (the mirroring task). */
function httpbinDeploymentName(version: string, count: number): string {
  return count === 1 ? 'httpbin' : `httpbin-${version}`;
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
