import { ObjectCheck } from '../../../check';
import { ConflictingGatewayServers } from './conflicting-gateway-servers';
import { ConflictingServerCredentials } from './conflicting-server-credentials';
import { DuplicateGatewayPortName } from './duplicate-gateway-port-name';
import { GatewayServerTlsMismatch } from './gateway-server-tls-mismatch';
import { InvalidGatewayName } from './invalid-gateway-name';
import { InvalidGatewayServerBind } from './invalid-gateway-server-bind';
import { InvalidGatewayServerHost } from './invalid-gateway-server-host';
import { InvalidGatewayServerPort } from './invalid-gateway-server-port';
import { InvalidServerCipherSuites } from './invalid-server-cipher-suites';
import { InvertedServerTlsVersions } from './inverted-server-tls-versions';
import { MissingGatewayServers } from './missing-gateway-servers';
import { MissingServerCertificate } from './missing-server-certificate';

/**
 * The object checks of this folder, in code order (see the registry).
 */
export const GATEWAY_CHECKS: readonly ObjectCheck[] = [
  InvalidGatewayName, // CI0301
  MissingGatewayServers, // CI0302
  InvalidGatewayServerHost, // CI0303
  InvalidGatewayServerPort, // CI0304
  DuplicateGatewayPortName, // CI0305
  InvalidGatewayServerBind, // CI0306
  GatewayServerTlsMismatch, // CI0307
  MissingServerCertificate, // CI0308
  ConflictingServerCredentials, // CI0309
  InvalidServerCipherSuites, // CI0310
  InvertedServerTlsVersions, // CI0311
  // CI0312
  ConflictingGatewayServers, // CI0313
];
