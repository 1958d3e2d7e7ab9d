/**
 * Options shared by the Bookinfo charts (namespace, workloads, and the Istio config charts that
 * target them), and the data that describes the `reviews` versions.
 */

/**
 * The image tag of the upstream Bookinfo images that Istio 1.30.3 ships in `bookinfo.yaml`.
 *
 * @see https://istio.io/latest/docs/examples/bookinfo/
 */
export const BOOKINFO_IMAGE_TAG = '1.20.3';

/**
 * The registry path of the upstream Bookinfo images.
 *
 * @see https://istio.io/latest/docs/examples/bookinfo/
 */
export const BOOKINFO_IMAGE_REGISTRY = 'registry.istio.io/release';

/**
 * The namespace Bookinfo is deployed to unless told otherwise.
 *
 * @see https://istio.io/latest/docs/examples/bookinfo/
 */
export const DEFAULT_BOOKINFO_NAMESPACE = 'bookinfo';

/**
 * One version of the Bookinfo `reviews` service: a `reviews-<version>` Deployment whose pods carry
 * the labels `app: reviews` and `version: <version>`.
 *
 * The reviews application reads its behaviour from the environment (`ENABLE_RATINGS`,
 * `STAR_COLOR`); the upstream images bake the same values in, so rendering them keeps each
 * version's behaviour visible in the manifest and lets a new version reuse an existing image.
 *
 * @example
 * const v4: ReviewsVersion = { version: 'v4', ratings: true, starColor: 'blue', image: bookinfoImage('reviews', 'v3') };
 *
 * @see https://istio.io/latest/docs/examples/bookinfo/
 */
export interface ReviewsVersion {
  /**
   * The version: the value of the pod label `version` (what DestinationRule subsets select) and
   * the suffix of the Deployment name (`reviews-<version>`).
   */
  readonly version: string;

  /**
   * Whether this version calls the `ratings` service and shows stars (`ENABLE_RATINGS`).
   */
  readonly ratings: boolean;

  /**
   * The colour of the rating stars (`STAR_COLOR`), any colour name the product page can render.
   * The reviews application also shortens its call timeout to ratings from 10s to 2.5s for any
   * colour other than `black`.
   *
   * @default - not rendered; the image's default applies (`black`)
   */
  readonly starColor?: string;

  /**
   * The container image.
   *
   * Upstream publishes images for `v1`, `v2` and `v3` only; a new version usually reuses one of
   * them (its behaviour comes from the environment) or names its own build.
   *
   * @default - `registry.istio.io/release/examples-bookinfo-reviews-<version>:<imageTag>`
   */
  readonly image?: string;
}

/**
 * The `reviews` versions of upstream Bookinfo: v1 without ratings, v2 with black stars and v3 with
 * red stars.
 *
 * Add a version with one line: `reviewsVersions: [...DEFAULT_REVIEWS_VERSIONS, { version: 'v4', ratings: true, starColor: 'blue', image: bookinfoImage('reviews', 'v3') }]`.
 *
 * @see https://istio.io/latest/docs/examples/bookinfo/
 */
export const DEFAULT_REVIEWS_VERSIONS: readonly ReviewsVersion[] = Object.freeze([
  { version: 'v1', ratings: false },
  { version: 'v2', ratings: true, starColor: 'black' },
  { version: 'v3', ratings: true, starColor: 'red' },
].map((v) => Object.freeze(v)));

/**
 * Options of the Bookinfo sample, shared by every Bookinfo chart so that they agree on the
 * namespace and the versions.
 *
 * @see https://istio.io/latest/docs/examples/bookinfo/
 */
export interface BookinfoOptions {
  /**
   * The namespace Bookinfo runs in. Every namespaced object of the Bookinfo charts renders it as
   * `metadata.namespace`.
   *
   * @default 'bookinfo'
   */
  readonly namespace?: string;

  /**
   * The Istio revision whose control plane injects the sidecars (canary upgrades). When given,
   * the namespace is labelled `istio.io/rev: <revision>` instead of `istio-injection: enabled`
   * (Istio ignores `istio.io/rev` when `istio-injection` is also present).
   *
   * @default - the default revision: the namespace is labelled `istio-injection: enabled`
   */
  readonly revision?: string;

  /**
   * The versions of the `reviews` service, one Deployment each.
   *
   * @default DEFAULT_REVIEWS_VERSIONS (v1, v2, v3)
   */
  readonly reviewsVersions?: readonly ReviewsVersion[];

  /**
   * The tag of the upstream Bookinfo images.
   *
   * @default '1.20.3'
   */
  readonly imageTag?: string;
}

/**
 * The upstream image of one Bookinfo service version:
 * `registry.istio.io/release/examples-bookinfo-<service>-<version>:<tag>`.
 *
 * @example
 * bookinfoImage('reviews', 'v3') // 'registry.istio.io/release/examples-bookinfo-reviews-v3:1.20.3'
 *
 * @see https://istio.io/latest/docs/examples/bookinfo/
 */
export function bookinfoImage(service: string, version: string, tag: string = BOOKINFO_IMAGE_TAG): string {
  return `${BOOKINFO_IMAGE_REGISTRY}/examples-bookinfo-${service}-${version}:${tag}`;
}
