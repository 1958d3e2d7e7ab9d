/**
 * Walking the JWT rules of a RequestAuthentication manifest, with their manifest paths. Entries
 * that are not objects are skipped (the CRD schema check reports their type).
 */
import { asArray, asRecord, isRecord } from '../../../../manifest/read';

/** Calls `fn` for every `spec.jwtRules[i]` that is an object, with its path. */
export function eachJwtRule(manifest: unknown, fn: (rule: Record<string, any>, field: string) => void): void {
  asArray(asRecord(asRecord(manifest).spec).jwtRules).forEach((rule, i) => {
    if (isRecord(rule)) fn(rule, `spec.jwtRules[${i}]`);
  });
}

/**
 * The JWKS URI of a rule and its field: `jwksUri`, or the proto name `jwks_uri` that the CRD also
 * accepts (Istio reads both into one field).
 */
export function jwksUriOf(rule: Record<string, any>): { readonly value: unknown; readonly field: string } | undefined {
  if (rule.jwksUri !== undefined && rule.jwksUri !== null) return { value: rule.jwksUri, field: 'jwksUri' };
  if (rule.jwks_uri !== undefined && rule.jwks_uri !== null) return { value: rule.jwks_uri, field: 'jwks_uri' };
  return undefined;
}
