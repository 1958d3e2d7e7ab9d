import { ApiObject, ApiObjectMetadata, ApiObjectMetadataDefinition, Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { Problem, ProblemCollector } from '../analysis/finding';
import { CONSTRUCT_PROBLEMS } from '../analysis/sources/construct-hooks';
import { ownValidation } from './private/own-validation';

/**
 * Properties common to every Istio resource.
 *
 * @see https://istio.io/latest/docs/reference/config/
 */
export interface IstioResourceProps {
  /**
   * Metadata of the resource (name, namespace, labels, annotations).
   *
   * @default - the name is the construct id, and the namespace is the chart's
   */
  readonly metadata?: ApiObjectMetadata;
}

const ISTIO_RESOURCE = Symbol.for('cdk8s-istio.IstioResource');

/**
 * Base class of every hand-written Istio construct (L2).
 *
 * It owns exactly one imported (L1) API object, reachable as `ApiObject.of(resource)` (the
 * `'Resource'` child) for JSON patches: the escape hatch for fields the L2 API does not model.
 * Names are explicit: the `metadata.name` given, else the construct id (never a hash), because
 * other resources and people refer to Istio objects by name.
 *
 * @see https://istio.io/latest/docs/reference/config/
 * @see https://cdk8s.io/docs/latest/basics/escape-hatches/
 */
export abstract class IstioResource extends Construct {
  /** Whether `x` is an Istio L2 resource (works across copies of this library). */
  public static isIstioResource(x: unknown): x is IstioResource {
    return x !== null && typeof x === 'object' && ISTIO_RESOURCE in (x as object);
  }

  /** The underlying imported API object. */
  protected abstract readonly apiObject: ApiObject;

  /** The metadata given by the user, with the name defaulted. */
  protected readonly initialMetadata: ApiObjectMetadata;

  protected constructor(scope: Construct, id: string, props: IstioResourceProps = {}) {
    super(scope, id);
    Object.defineProperty(this, ISTIO_RESOURCE, { value: true });
    this.initialMetadata = { ...props.metadata, name: props.metadata?.name ?? id };
    this.node.addValidation(ownValidation(this));
  }

  /** The object's `metadata`, for adding labels and annotations. */
  public get metadata(): ApiObjectMetadataDefinition {
    return this.apiObject.metadata;
  }

  /** The resource name (`metadata.name`). */
  public get name(): string {
    return this.apiObject.name;
  }

  /**
   * The namespace the object is applied to: its own `metadata.namespace`, else its chart's.
   * `undefined` means the namespace `kubectl` targets (usually `default`).
   */
  public get namespace(): string | undefined {
    return this.apiObject.metadata.namespace ?? Chart.of(this).namespace;
  }

  /** The Kubernetes kind, e.g. `VirtualService`. */
  public get kind(): string {
    return this.apiObject.kind;
  }

  /** The API version, e.g. `networking.istio.io/v1`. */
  public get apiVersion(): string {
    return this.apiObject.apiVersion;
  }

  /**
   * The problems of this resource that its construct knows (transitional: the webhook's and the
   * CRD's rules as the L2 options see them), relative to the manifest root.
   * @internal
   */
  public [CONSTRUCT_PROBLEMS](): Problem[] {
    const collector = new ProblemCollector();
    this.validateSpec(collector);
    return collector.problems;
  }

  /**
   * Describes this resource's own problems (the webhook's and the CRD's rules), relative to the
   * manifest root (fields start with `spec.`). Must not throw.
   */
  protected abstract validateSpec(problems: ProblemCollector): void;
}
