import { ObjectCheck } from '../../../check';
import { DuplicateSidecarListener } from './duplicate-sidecar-listener';
import { EmptySidecar } from './empty-sidecar';
import { HttpPoolOnNonHttpPort } from './http-pool-on-non-http-port';
import { InvalidCatchAllEgressListener } from './invalid-catch-all-egress-listener';
import { InvalidOutboundTrafficPolicy } from './invalid-outbound-traffic-policy';
import { InvalidSidecarBind } from './invalid-sidecar-bind';
import { InvalidSidecarConnectionPool } from './invalid-sidecar-connection-pool';
import { InvalidSidecarDefaultEndpoint } from './invalid-sidecar-default-endpoint';
import { InvalidSidecarEgressHost } from './invalid-sidecar-egress-host';
import { InvalidSidecarIngressTls } from './invalid-sidecar-ingress-tls';
import { InvalidSidecarPort } from './invalid-sidecar-port';

/**
 * The object checks of this folder, in code order (see the registry).
 */
export const SIDECAR_CHECKS: readonly ObjectCheck[] = [
  EmptySidecar, // CI0501
  // CI0502
  InvalidSidecarPort, // CI0503
  DuplicateSidecarListener, // CI0504
  InvalidCatchAllEgressListener, // CI0505
  InvalidSidecarBind, // CI0506
  InvalidSidecarDefaultEndpoint, // CI0507
  InvalidSidecarIngressTls, // CI0508
  InvalidSidecarConnectionPool, // CI0509
  HttpPoolOnNonHttpPort, // CI0510
  InvalidSidecarEgressHost, // CI0511
  InvalidOutboundTrafficPolicy, // CI0512
];
