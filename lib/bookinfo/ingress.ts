import { Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { Gateway, GatewayServer } from '../istio/gateway';
import { Destination } from '../istio/routing/destination';
import { GatewayBinding } from '../istio/routing/gateway-binding';
import { HttpMatch } from '../istio/routing/http-match';
import { VirtualService } from '../istio/virtual-service';
import { BookinfoWorkloads } from './workloads';

/** The port the productpage Service listens on. */
const PRODUCTPAGE_PORT = 9080;

/**
 * Properties of {@link BookinfoIngress}.
 *
 * @see https://istio.io/latest/docs/examples/bookinfo/#determine-the-ingress-ip-and-port
 */
export interface BookinfoIngressProps {
  /** The Bookinfo workloads; the routes point at their `productpage` Service. */
  readonly workloads: BookinfoWorkloads;

  /**
   * The labels of the ingress gateway pods that serve Bookinfo.
   *
   * @default { istio: 'ingressgateway' } (the default Istio ingress gateway)
   */
  readonly gatewaySelector?: Record<string, string>;

  /**
   * The port the ingress gateway pods listen on for HTTP (the container port, not the
   * LoadBalancer's 80).
   *
   * @default 8080
   */
  readonly port?: number;

  /**
   * The hosts the gateway accepts and the VirtualService routes.
   *
   * @default ['*']
   */
  readonly hosts?: string[];
}

/**
 * Bookinfo's ingress, as upstream `bookinfo-gateway.yaml`: the Gateway `bookinfo-gateway` and the
 * VirtualService `bookinfo` that sends `/productpage`, `/static`, `/login`, `/logout` and
 * `/api/v1/products` to the productpage Service.
 *
 * @see https://istio.io/latest/docs/examples/bookinfo/#determine-the-ingress-ip-and-port
 */
export class BookinfoIngress extends Chart {
  /** The Gateway `bookinfo-gateway`. */
  public readonly gateway: Gateway;

  /** The VirtualService `bookinfo`, bound to the gateway. */
  public readonly virtualService: VirtualService;

  constructor(scope: Construct, id: string, props: BookinfoIngressProps) {
    super(scope, id, { namespace: props.workloads.namespaceName });
    const hosts = props.hosts ?? ['*'];

    this.gateway = new Gateway(this, 'bookinfo-gateway', {
      selector: props.gatewaySelector ?? { istio: 'ingressgateway' },
      servers: [GatewayServer.http({ port: props.port ?? 8080, name: 'http', hosts })],
    });

    this.virtualService = new VirtualService(this, 'bookinfo', {
      hosts,
      gateways: [GatewayBinding.fromGateway(this.gateway)],
      httpRoutes: [{
        match: [
          HttpMatch.exact('/productpage'),
          HttpMatch.prefix('/static'),
          HttpMatch.exact('/login'),
          HttpMatch.exact('/logout'),
          HttpMatch.prefix('/api/v1/products'),
        ],
        route: [{ destination: Destination.fromService(props.workloads.services.productpage, { port: PRODUCTPAGE_PORT }) }],
      }],
    });
  }
}
