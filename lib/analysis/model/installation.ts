/**
 * The gateway deployments an Istio installation runs outside an app's manifests (the ingress and
 * egress gateways in `istio-system`, or gateways installed with Istio's `gateway` chart), which
 * Gateways select by label.
 */

/**
 * A port of an installed gateway's Kubernetes Service.
 *
 * @see https://kubernetes.io/docs/reference/kubernetes-api/service-resources/service-v1/#ServiceSpec
 */
export interface InstalledGatewayPort {
  /** The Service port. */
  readonly port: number;
  /**
   * The pod port the Service forwards to, where the gateway's servers listen.
   * @default - the Service port
   */
  readonly targetPort?: number;
}

/**
 * A gateway deployment installed outside the input, with the Service in front of it.
 *
 * @example
 * const ingress: InstalledGateway = { namespace: 'istio-ingress', name: 'istio-ingress', labels: { istio: 'ingress' }, ports: [{ port: 80 }, { port: 443 }] };
 * @see https://istio.io/latest/docs/setup/additional-setup/gateway/
 */
export interface InstalledGateway {
  /** Its namespace. */
  readonly namespace: string;
  /** The name of its Deployment and Service. */
  readonly name: string;
  /** Its pod labels, which Gateway selectors name. */
  readonly labels: Readonly<Record<string, string>>;
  /** The ports of its Service. */
  readonly ports: readonly InstalledGatewayPort[];
}

/**
 * The gateways of Istio's `default` installation profile as `istioctl analyze` assumes them for
 * files: `istio-system/istio-ingressgateway` (labels `app: istio-ingressgateway`,
 * `istio: ingressgateway`). Its ports are those `istioctl analyze` assumes (80, 443, 31400,
 * 15443) together with those of the `istio-ingress` chart (15021, 80 to 8080, 443 to 8443), so
 * that a Gateway port either of them accepts is accepted.
 *
 * Pass it as `external.installedGateways` (the `check` command's `--istio-default-gateways`)
 * when the cluster runs exactly these gateways and the input defines every other one.
 *
 * @example
 * runChecks(objects, { external: { installedGateways: ISTIO_DEFAULT_GATEWAYS } });
 * @see https://github.com/istio/istio/blob/1.30.3/pkg/config/analysis/local/defaults.go
 * @see https://github.com/istio/istio/blob/1.30.3/manifests/charts/gateways/istio-ingress/values.yaml
 */
export const ISTIO_DEFAULT_GATEWAYS: readonly InstalledGateway[] = [
  {
    namespace: 'istio-system',
    name: 'istio-ingressgateway',
    labels: { app: 'istio-ingressgateway', istio: 'ingressgateway' },
    ports: [
      { port: 80 }, { port: 443 }, { port: 31400 }, { port: 15443 },
      { port: 15021 }, { port: 80, targetPort: 8080 }, { port: 443, targetPort: 8443 },
    ],
  },
];
