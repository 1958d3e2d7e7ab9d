import { ConflictingDestinationRules } from './conflicting-destination-rules';
import { ConflictingVirtualServices } from './conflicting-virtual-services';
import { DestinationHostNotFound } from './destination-host-not-found';
import { DestinationNotInjected } from './destination-not-injected';
import { DestinationPortNotFound } from './destination-port-not-found';
import { DestinationPortRequired } from './destination-port-required';
import { DestinationRuleHostNotFound } from './destination-rule-host-not-found';
import { GatewayHostNotServed } from './gateway-host-not-served';
import { GatewayNotFound } from './gateway-not-found';
import { MissingAppVersionLabels } from './missing-app-version-labels';
import { MtlsConflict } from './mtls-conflict';
import { PortNameNotProtocol } from './port-name-not-protocol';
import { MeshRule } from './rule';
import { SubsetNotFound } from './subset-not-found';
import { SubsetSelectsNoPods } from './subset-selects-no-pods';
import { UnreachableRoute } from './unreachable-route';

export * from './rule';
export {
  GatewayNotFound, DestinationHostNotFound, SubsetNotFound, DestinationPortRequired, DestinationPortNotFound,
  GatewayHostNotServed, ConflictingVirtualServices, UnreachableRoute, SubsetSelectsNoPods, ConflictingDestinationRules,
  PortNameNotProtocol, MissingAppVersionLabels, DestinationNotInjected, MtlsConflict, DestinationRuleHostNotFound,
};

/**
 * Every cross-resource rule (CI1001-CI1015), in code order. `analyze` runs these by default.
 */
export const MESH_RULES: readonly MeshRule[] = [
  GatewayNotFound, DestinationHostNotFound, SubsetNotFound, DestinationPortRequired, DestinationPortNotFound,
  GatewayHostNotServed, ConflictingVirtualServices, UnreachableRoute, SubsetSelectsNoPods, ConflictingDestinationRules,
  PortNameNotProtocol, MissingAppVersionLabels, DestinationNotInjected, MtlsConflict, DestinationRuleHostNotFound,
];
