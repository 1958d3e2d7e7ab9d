import { ObjectCheck } from '../../../check';

/**
 * The object checks of this folder, in code order (see the registry).
 */
export const SERVICE_ENTRY_CHECKS: readonly ObjectCheck[] = [];
