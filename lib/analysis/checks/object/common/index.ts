import { ObjectCheck } from '../../../check';
import { CrdValidationRule } from './crd-validation-rule';
import { DuplicateListKey } from './duplicate-list-key';
import { InvalidExportTo } from './invalid-export-to';
import { InvalidName } from './invalid-name';
import { InvalidTargetRef } from './invalid-target-ref';
import { InvalidWorkloadSelector } from './invalid-workload-selector';
import { SchemaViolation } from './schema-violation';

/**
 * The object checks that apply to every Istio kind, in code order (see the registry).
 */
export const COMMON_CHECKS: readonly ObjectCheck[] = [InvalidName, SchemaViolation, CrdValidationRule, DuplicateListKey, InvalidExportTo, InvalidWorkloadSelector, InvalidTargetRef];
