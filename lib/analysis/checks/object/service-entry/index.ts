import { ObjectCheck } from '../../../check';
import { AmbiguousServiceEntryHosts } from './ambiguous-service-entry-hosts';
import { DuplicateServiceEntryPort } from './duplicate-service-entry-port';
import { InvalidDynamicDnsServiceEntry } from './invalid-dynamic-dns-service-entry';
import { InvalidServiceEntryAddress } from './invalid-service-entry-address';
import { InvalidServiceEntryEndpoint } from './invalid-service-entry-endpoint';
import { InvalidServiceEntryHost } from './invalid-service-entry-host';
import { InvalidServiceEntryPort } from './invalid-service-entry-port';
import { ServiceEntrySelectorIgnored } from './invalid-service-entry-workload-selector';
import { ServiceEntryEndpointsConflict } from './service-entry-endpoints-conflict';
import { ServiceEntryTcpPortWithoutAddress } from './service-entry-tcp-port-without-address';
import { ServiceEntryWithoutEndpoints } from './service-entry-without-endpoints';

/**
 * The object checks of this folder, in code order (see the registry).
 */
export const SERVICE_ENTRY_CHECKS: readonly ObjectCheck[] = [
  InvalidServiceEntryHost, InvalidServiceEntryAddress, InvalidServiceEntryPort, DuplicateServiceEntryPort,
  ServiceEntryTcpPortWithoutAddress, AmbiguousServiceEntryHosts, ServiceEntryEndpointsConflict, InvalidServiceEntryEndpoint,
  ServiceEntrySelectorIgnored, InvalidDynamicDnsServiceEntry, ServiceEntryWithoutEndpoints,
];
