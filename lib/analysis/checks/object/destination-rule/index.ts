import { ObjectCheck } from '../../../check';
import { EmptyTrafficPolicy } from './empty-traffic-policy';
import { InvalidClientTls } from './invalid-client-tls';
import { InvalidConnectionPool } from './invalid-connection-pool';
import { InvalidConsistentHash } from './invalid-consistent-hash';
import { InvalidDestinationRuleHost } from './invalid-destination-rule-host';
import { InvalidLoadBalancerWarmup } from './invalid-load-balancer-warmup';
import { InvalidLocalityLbSetting } from './invalid-locality-lb-setting';
import { InvalidOutlierDetection } from './invalid-outlier-detection';
import { InvalidPortTrafficPolicy } from './invalid-port-traffic-policy';
import { InvalidSubsetLabels } from './invalid-subset-labels';
import { InvalidSubsetName } from './invalid-subset-name';
import { InvalidTunnelSettings } from './invalid-tunnel-settings';

/**
 * The object checks of this folder, in code order (see the registry).
 */
export const DESTINATION_RULE_CHECKS: readonly ObjectCheck[] = [
  InvalidDestinationRuleHost, // CI0201
  InvalidSubsetName, // CI0202
  InvalidSubsetLabels, // CI0203
  EmptyTrafficPolicy, // CI0206
  InvalidPortTrafficPolicy, // CI0207
  InvalidConsistentHash, // CI0208
  InvalidLocalityLbSetting, // CI0209
  InvalidLoadBalancerWarmup, // CI0210
  InvalidConnectionPool, // CI0211
  InvalidOutlierDetection, // CI0212
  InvalidClientTls, // CI0213
  InvalidTunnelSettings, // CI0214
];
