import { ObjectCheck } from '../../../check';

/**
 * The object checks of this folder, in code order (see the registry).
 */
export const SIDECAR_CHECKS: readonly ObjectCheck[] = [];
