import { ApiObject, Chart, JsonPatch, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import { bookinfoImage, BookinfoOptions, BOOKINFO_IMAGE_TAG, DEFAULT_BOOKINFO_NAMESPACE, DEFAULT_REVIEWS_VERSIONS, ReviewsVersion } from './options';
import { addOptionsValidation, checkImageTag, checkNamespace, checkReviewsVersions } from './private/validation';

/** Drops every capability; kplus' Capability enum lists single capabilities only. */
const DROP_ALL = 'ALL' as kplus.Capability;

/** The port every Bookinfo service listens on. */
const BOOKINFO_PORT = 9080;

/**
 * The four Bookinfo Services.
 *
 * @see https://istio.io/latest/docs/examples/bookinfo/
 */
export interface BookinfoServices {
  /** `productpage`: the Python front end that calls details and reviews. */
  readonly productpage: kplus.Service;
  /** `details`: the Ruby service with the book's details. */
  readonly details: kplus.Service;
  /** `ratings`: the Node.js service with the book's ratings. */
  readonly ratings: kplus.Service;
  /** `reviews`: the Java service with the book's reviews; v2 and v3 call ratings. */
  readonly reviews: kplus.Service;
}

/**
 * The Bookinfo workloads, as upstream `bookinfo.yaml` (hardened like `bookinfo-psa.yaml`) defines
 * them, built from cdk8s-plus-27 objects.
 *
 * For each of `productpage`, `details`, `ratings` and `reviews`: a Service (labels `app` and
 * `service`, port 9080 named `http`, selector `app: <name>`), a ServiceAccount
 * `bookinfo-<name>` (label `account`) and one Deployment per version (`details-v1`, ...,
 * `reviews-v1..v3`) whose labels and selector are exactly `app` and `version`: Istio subsets,
 * telemetry and Kiali rely on these labels, and on the exact names.
 *
 * Every object renders `metadata.namespace` (the chart's namespace). The namespace itself, with
 * its injection label, is {@link BookinfoNamespace}: apply that chart first.
 *
 * Where cdk8s-plus defaults differ from upstream, the choice is explicit (see the comments in
 * `addDeployment`): 1 replica, exact names, `app`/`version` selectors without
 * `cdk8s.io/metadata.addr`, writable root filesystem, modest requests and no limits, no probes,
 * no service-account token, and a `RuntimeDefault` seccomp profile.
 *
 * @example
 * const workloads = new BookinfoWorkloads(app, 'bookinfo-workloads', {
 *   reviewsVersions: [...DEFAULT_REVIEWS_VERSIONS, { version: 'v4', ratings: true, starColor: 'blue', image: bookinfoImage('reviews', 'v3') }],
 * });
 * workloads.deployments.reviews.v4; // the reviews-v4 Deployment
 *
 * @see https://istio.io/latest/docs/examples/bookinfo/
 */
export class BookinfoWorkloads extends Chart {
  /** The namespace the workloads run in, e.g. `bookinfo`. */
  public readonly namespaceName: string;

  /** The Services, by name. */
  public readonly services: BookinfoServices;

  /** The ServiceAccounts, by service name: `serviceAccounts.reviews` is `bookinfo-reviews`. */
  public readonly serviceAccounts: Record<string, kplus.ServiceAccount>;

  /** The Deployments, by service and version: `deployments.reviews.v2` is `reviews-v2`. */
  public readonly deployments: { [service: string]: { [version: string]: kplus.Deployment } };

  /** The versions of `reviews` that were rendered, in order. */
  public readonly reviewsVersions: readonly ReviewsVersion[];

  private readonly imageTag: string;

  /**
   * @param scope the app
   * @param id the chart id; also the manifest file name, which sets the apply order
   * @param options the Bookinfo options
   */
  constructor(scope: Construct, id: string, options: BookinfoOptions = {}) {
    const namespaceName = options.namespace ?? DEFAULT_BOOKINFO_NAMESPACE;
    super(scope, id, { namespace: namespaceName });
    this.namespaceName = namespaceName;
    this.imageTag = options.imageTag ?? BOOKINFO_IMAGE_TAG;
    const requested = options.reviewsVersions ?? DEFAULT_REVIEWS_VERSIONS;
    // duplicates are reported by the validation below; rendering the first keeps construct ids unique
    this.reviewsVersions = requested.filter((v, i) => requested.findIndex((w) => w.version === v.version) === i);
    this.serviceAccounts = {};
    this.deployments = {};

    this.services = {
      details: this.addService('details'),
      ratings: this.addService('ratings'),
      reviews: this.addService('reviews'),
      productpage: this.addService('productpage'),
    };

    this.addDeployment({ service: 'details', version: 'v1' });
    this.addDeployment({ service: 'ratings', version: 'v1' });
    for (const v of this.reviewsVersions) {
      this.addDeployment({
        service: 'reviews',
        version: v.version,
        image: v.image,
        env: {
          // Open Liberty writes its logs here instead of the image's /logs (upstream sets it)
          LOG_DIR: '/tmp/logs',
          ENABLE_RATINGS: String(v.ratings),
          ...(v.starColor === undefined ? {} : { STAR_COLOR: v.starColor }),
        },
        mounts: [
          { name: 'tmp', path: '/tmp' },
          // Upstream mounts this volume at /opt/ibm/wlp/output, the output directory of the
          // WebSphere Liberty base image reviews used to have. The image now runs Open Liberty,
          // whose server output (workarea, server state) is under /opt/ol/wlp/output, so the old
          // path is an unused mount. We mount the scratch volume where Liberty writes now, which
          // keeps upstream's intent; Liberty recreates an empty output directory on start, as it
          // did under the old mount.
          { name: 'wlp-output', path: '/opt/ol/wlp/output' },
        ],
      });
    }
    this.addDeployment({
      service: 'productpage',
      version: 'v1',
      mounts: [{ name: 'tmp', path: '/tmp' }],
      podAnnotations: {
        'prometheus.io/scrape': 'true',
        'prometheus.io/port': String(BOOKINFO_PORT),
        'prometheus.io/path': '/metrics',
      },
    });

    addOptionsValidation(this, (problems) => {
      checkNamespace(problems, this.namespaceName);
      checkImageTag(problems, this.imageTag);
      checkReviewsVersions(problems, requested);
    });
  }

  /** The Service `<name>` and the ServiceAccount `bookinfo-<name>`. */
  private addService(name: string): kplus.Service {
    const service = new kplus.Service(this, `${name}-service`, {
      metadata: { name, labels: { app: name, service: name } },
      ports: [{ port: BOOKINFO_PORT, name: 'http' }],
    });
    // select by the app label (all versions), as upstream does, not by a cdk8s-generated label
    service.selectLabel('app', name);

    this.serviceAccounts[name] = new kplus.ServiceAccount(this, `${name}-service-account`, {
      metadata: { name: `bookinfo-${name}`, labels: { account: name } },
      // Bookinfo never calls the Kubernetes API. Istio 1.30's sidecar does not need the token
      // either: it uses its own projected `istio-token` volume (first-party JWTs were dropped in 1.22).
      automountToken: false,
    });
    return service;
  }

  private addDeployment(spec: WorkloadSpec): kplus.Deployment {
    const { service, version } = spec;
    const name = `${service}-${version}`;
    const labels = { app: service, version };
    const volumes = new Map<string, kplus.Volume>();
    const volumeOf = (volumeName: string) => {
      let volume = volumes.get(volumeName);
      if (!volume) {
        volume = kplus.Volume.fromEmptyDir(this, `${name}-${volumeName}-volume`, volumeName);
        volumes.set(volumeName, volume);
      }
      return volume;
    };

    const deployment = new kplus.Deployment(this, name, {
      // exact names: subsets, dashboards and `kubectl -l` recipes refer to them
      metadata: { name, labels },
      podMetadata: { labels, annotations: spec.podAnnotations },
      // select by app + version, not kplus' per-construct cdk8s.io/metadata.addr label
      select: false,
      // upstream runs one replica; kplus' default of 2 doubles the footprint of a demo
      replicas: 1,
      serviceAccount: this.serviceAccounts[service],
      // see the ServiceAccount: nothing in the pod uses the default token
      automountServiceAccountToken: false,
      securityContext: {
        // as bookinfo-psa.yaml: every image runs as a numeric non-root user. runAsUser,
        // runAsGroup and fsGroup stay unset (kplus sets none), so each image keeps its own user.
        ensureNonRoot: true,
      },
      containers: [{
        name: service,
        image: spec.image ?? bookinfoImage(service, version, this.imageTag),
        imagePullPolicy: kplus.ImagePullPolicy.IF_NOT_PRESENT,
        // `ports` rather than `portNumber`: kplus adds a TCP startup probe (3 x 10s) for
        // `portNumber`, which could restart the Liberty-based reviews JVM on a slow node before it
        // listens. Upstream defines no probes, and we cannot run the images to tune any.
        ports: [{ number: BOOKINFO_PORT }],
        envVariables: Object.fromEntries(Object.entries(spec.env ?? {}).map(([k, v]) => [k, kplus.EnvValue.fromValue(v)])),
        volumeMounts: (spec.mounts ?? []).map((m) => ({ path: m.path, volume: volumeOf(m.name) })),
        // kplus requests 1 CPU and 512Mi per container: 6 CPUs for Bookinfo, more than a kind or
        // minikube node has. Small requests keep it schedulable next to istiod and the sidecars,
        // and still give the scheduler a figure; no limits, because we cannot measure the peaks
        // and a memory limit below the JVM's would OOM-kill reviews (CPU limits only throttle).
        resources: {
          cpu: { request: kplus.Cpu.millis(10) },
          memory: { request: Size.mebibytes(64) },
        },
        securityContext: {
          // as bookinfo-psa.yaml (which writes `all`; `ALL` is the spelling Pod Security checks)
          ensureNonRoot: true,
          allowPrivilegeEscalation: false,
          capabilities: { drop: [DROP_ALL] },
          privileged: false,
          // kplus turns this on by default. Off, as upstream: we cannot run the images to check
          // that every path they write is a writable mount (Open Liberty's launcher and the
          // Python, Ruby and Node runtimes may write outside /tmp and the Liberty output dir).
          readOnlyRootFilesystem: false,
        },
      }],
    });
    deployment.select(kplus.LabelSelector.of({ labels }));

    const resource = ApiObject.of(deployment);
    // kplus always labels the pod template with cdk8s.io/metadata.addr; nothing selects it here,
    // and it would show up in Istio's workload labels, so it is removed from the manifest
    resource.addJsonPatch(JsonPatch.remove('/spec/template/metadata/labels/cdk8s.io~1metadata.addr'));
    // kplus has no seccomp option. RuntimeDefault (the container runtime's default syscall
    // filter) is what the restricted Pod Security level asks for, and what kubelets with
    // SeccompDefault already apply to every container, Istio's injected ones included.
    resource.addJsonPatch(JsonPatch.add('/spec/template/spec/securityContext/seccompProfile', { type: 'RuntimeDefault' }));

    this.deployments[service] = { ...this.deployments[service], [version]: deployment };
    return deployment;
  }
}

/** What differs between the Bookinfo Deployments. */
interface WorkloadSpec {
  readonly service: string;
  readonly version: string;
  readonly image?: string;
  readonly env?: Record<string, string>;
  readonly mounts?: ReadonlyArray<{ readonly name: string; readonly path: string }>;
  readonly podAnnotations?: Record<string, string>;
}
