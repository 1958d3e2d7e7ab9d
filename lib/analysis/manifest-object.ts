import { SourceLocation } from './finding';

/**
 * A suppression of one check on one object: the finding is accepted on purpose, with a reason.
 *
 * @see https://istio.io/latest/docs/ops/diagnostic-tools/istioctl-analyze/
 */
export interface Suppression {
  /** The check code, e.g. `CI1011`. */
  readonly code: string;
  /** Why the finding is acceptable; required and non-empty. */
  readonly reason: string;
  /**
   * Where the suppression was written: the path of the construct it was added to, or
   * `metadata.annotations[...]` for a suppression annotation.
   * @default - the object itself
   */
  readonly scope?: string;
}

/**
 * Where a manifest came from, and how to find one of its fields there.
 *
 * @see https://cdk8s.io/docs/latest/basics/constructs/
 */
export interface ManifestOrigin {
  /**
   * The construct path findings are reported on: the L2 or cdk8s-plus construct that owns the
   * API object, else the API object itself.
   * @default - the object was not rendered by a cdk8s app
   */
  readonly constructPath?: string;
  /**
   * The file and line of the object, for objects read from YAML.
   * @default - the object was rendered by a cdk8s app
   */
  readonly location?: SourceLocation;
  /**
   * The file and line of a field of the object (a manifest path such as `spec.http[0].timeout`),
   * or `undefined` when the field is not in the file (it is missing, or was never written).
   * @default - fields are located at the object's location
   */
  readonly locate?: (field: string) => SourceLocation | undefined;
}

/** Kinds that live outside namespaces (the ones a mesh configuration meets). */
const CLUSTER_SCOPED = new Set(['Namespace', 'Node', 'ClusterRole', 'ClusterRoleBinding', 'CustomResourceDefinition', 'MutatingWebhookConfiguration',
  'ValidatingWebhookConfiguration', 'PersistentVolume', 'StorageClass', 'PriorityClass', 'IngressClass', 'GatewayClass']);

/**
 * One Kubernetes object as the checks see it: its manifest (plain JSON, however it was written:
 * an L2 construct, an L1 class, a cdk8s-plus object, `Include`d YAML or a YAML file), with the
 * identity every check needs, where it came from, and the suppressions that apply to it.
 *
 * @see https://kubernetes.io/docs/concepts/overview/working-with-objects/
 */
export class ManifestObject {
  /**
   * A manifest object, or `undefined` when `manifest` is not a Kubernetes object (no string
   * `apiVersion` and `kind`).
   *
   * @param manifest the parsed or rendered object
   * @param options where it came from, its default namespace and suppressions
   */
  public static of(manifest: unknown, options: ManifestObjectOptions = {}): ManifestObject | undefined {
    if (manifest === null || typeof manifest !== 'object' || Array.isArray(manifest)) return undefined;
    const m = manifest as Record<string, any>;
    if (typeof m.apiVersion !== 'string' || typeof m.kind !== 'string' || m.apiVersion === '' || m.kind === '') return undefined;
    return new ManifestObject(m, options);
  }

  /** The manifest. Checks must not change it. */
  public readonly manifest: any;
  /** `kind`. */
  public readonly kind: string;
  /** `apiVersion`, e.g. `networking.istio.io/v1` or `v1`. */
  public readonly apiVersion: string;
  /** The API group (`networking.istio.io`, `apps`), `''` for the core group. */
  public readonly group: string;
  /** The group and kind as Kubernetes writes them: `VirtualService.networking.istio.io`, `Deployment.apps`, `Service`. */
  public readonly groupKind: string;
  /** `metadata.name`, `''` when missing. */
  public readonly name: string;
  /**
   * `metadata.namespace`, else the default namespace (`default`, as kubectl); `''` for
   * cluster-scoped kinds such as Namespace.
   */
  public readonly namespace: string;
  /** Who findings are reported on: the construct path, else `Kind namespace/name`. */
  public readonly path: string;
  /** Where the object came from. */
  public readonly origin: ManifestOrigin;
  /** The suppressions that apply to this object (its construct's and ancestors', and its annotations'). */
  public readonly suppressions: readonly Suppression[];

  private constructor(manifest: Record<string, any>, options: ManifestObjectOptions) {
    this.manifest = manifest;
    this.kind = manifest.kind;
    this.apiVersion = manifest.apiVersion;
    const slash = this.apiVersion.indexOf('/');
    this.group = slash > 0 ? this.apiVersion.slice(0, slash) : '';
    this.groupKind = this.group ? `${this.kind}.${this.group}` : this.kind;
    const metadata = manifest.metadata !== null && typeof manifest.metadata === 'object' ? manifest.metadata : {};
    this.name = typeof metadata.name === 'string' ? metadata.name : '';
    const clusterScoped = this.group === '' && CLUSTER_SCOPED.has(this.kind);
    this.namespace = clusterScoped ? '' : typeof metadata.namespace === 'string' && metadata.namespace !== ''
      ? metadata.namespace : options.defaultNamespace ?? 'default';
    this.origin = options.origin ?? {};
    this.path = this.origin.constructPath ?? `${this.kind} ${this.namespace ? `${this.namespace}/` : ''}${this.name || '(unnamed)'}`;
    this.suppressions = [...(options.suppressions ?? []), ...annotationSuppressions(metadata.annotations)];
  }

  /** `namespace/name` (or `name` for cluster-scoped kinds), for messages. */
  public get qualifiedName(): string {
    return this.namespace ? `${this.namespace}/${this.name}` : this.name;
  }

  /** The file and line of a field (or of the object when the field is not in the file), for objects read from YAML. */
  public locate(field: string): SourceLocation | undefined {
    return this.origin.locate?.(field) ?? this.origin.location;
  }
}

/**
 * Options of {@link ManifestObject.of}.
 *
 * @see https://kubernetes.io/docs/concepts/overview/working-with-objects/namespaces/
 */
export interface ManifestObjectOptions {
  /**
   * Where the manifest came from.
   * @default - nowhere in particular: findings name the object as `Kind namespace/name`
   */
  readonly origin?: ManifestOrigin;
  /**
   * The namespace of an object that names none (kubectl applies it to the current namespace).
   * @default 'default'
   */
  readonly defaultNamespace?: string;
  /**
   * Suppressions from outside the manifest (construct metadata).
   * @default - only the manifest's suppression annotations
   */
  readonly suppressions?: readonly Suppression[];
}

/**
 * The annotation prefix that suppresses a check on an object written in YAML:
 * `suppress.cdk8s-istio.io/CI1011: "port names are fixed by the vendor chart"`.
 *
 * @see https://kubernetes.io/docs/concepts/overview/working-with-objects/annotations/
 */
export const SUPPRESSION_ANNOTATION_PREFIX = 'suppress.cdk8s-istio.io/';

function annotationSuppressions(annotations: unknown): Suppression[] {
  if (annotations === null || typeof annotations !== 'object') return [];
  const out: Suppression[] = [];
  for (const [key, value] of Object.entries(annotations as Record<string, unknown>)) {
    if (!key.startsWith(SUPPRESSION_ANNOTATION_PREFIX)) continue;
    out.push({
      code: key.slice(SUPPRESSION_ANNOTATION_PREFIX.length),
      reason: typeof value === 'string' ? value : '',
      scope: `metadata.annotations['${key}']`,
    });
  }
  return out;
}
