import { ObjectCheck } from '../../../check';
import { InvalidWorkloadEntryAddress } from './invalid-workload-entry-address';
import { InvalidWorkloadEntryLabels } from './invalid-workload-entry-labels';
import { InvalidWorkloadEntryPort } from './invalid-workload-entry-port';
import { InvalidWorkloadGroupLabels } from './invalid-workload-group-labels';
import { InvalidWorkloadGroupProbe } from './invalid-workload-group-probe';
import { MissingWorkloadGroupTemplate } from './missing-workload-group-template';

/**
 * The object checks of this folder, in code order (see the registry).
 */
export const WORKLOAD_ENTRY_CHECKS: readonly ObjectCheck[] = [
  InvalidWorkloadEntryAddress, InvalidWorkloadEntryPort, InvalidWorkloadEntryLabels,
  MissingWorkloadGroupTemplate, InvalidWorkloadGroupLabels, InvalidWorkloadGroupProbe,
];
