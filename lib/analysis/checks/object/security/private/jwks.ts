/**
 * Reading an inline JSON Web Key Set as Istio's webhook does (lestrrat-go/jwx v1 `jwk.Parse`): a
 * JSON object that is either a set (`{"keys": [...]}`) or a single key; each key has a `kty` of
 * RSA, EC, oct or OKP and the members that key type requires; a `d` member (or an `oct` key)
 * makes it private.
 */

/** The outcome of reading an inline JWKS. */
export interface JwksReading {
  /**
   * Why Istio cannot parse it.
   * @default - it parses
   */
  readonly problem?: string;
  /** The indexes of the keys that hold private key material. */
  readonly privateKeys: number[];
  /** The number of keys. */
  readonly keyCount: number;
}

const REQUIRED: Readonly<Record<string, { readonly public: readonly string[]; readonly private: readonly string[] }>> = {
  RSA: { public: ['n', 'e'], private: ['n', 'e', 'd'] },
  EC: { public: ['crv', 'x', 'y'], private: ['crv', 'x', 'y', 'd'] },
  OKP: { public: ['crv', 'x'], private: ['crv', 'x', 'd'] },
  oct: { public: ['k'], private: ['k'] },
};

/** Reads an inline JWKS; see the file comment for what Istio accepts. */
export function readJwks(text: string): JwksReading {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    return { problem: `is not valid JSON (${(e as Error).message})`, privateKeys: [], keyCount: 0 };
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    return { problem: 'is not a JSON object (a key set {"keys": [...]} or a single key)', privateKeys: [], keyCount: 0 };
  }
  const set = parsed as Record<string, unknown>;
  if ('keys' in set && set.keys !== null && !Array.isArray(set.keys)) return { problem: 'has a "keys" member that is not a list', privateKeys: [], keyCount: 0 };
  const keys: unknown[] = 'keys' in set ? (set.keys as unknown[] | null) ?? [] : [set];
  const privateKeys: number[] = [];
  for (let i = 0; i < keys.length; i++) {
    const problem = keyProblem(keys[i]);
    if (problem) return { problem: 'keys' in set ? `has an invalid key #${i}: ${problem}` : problem, privateKeys, keyCount: keys.length };
    const key = keys[i] as Record<string, unknown>;
    if (key.kty === 'oct' || 'd' in key) privateKeys.push(i);
  }
  return { privateKeys, keyCount: keys.length };
}

function keyProblem(key: unknown): string | undefined {
  if (key === null || typeof key !== 'object' || Array.isArray(key)) return 'a key must be a JSON object';
  const k = key as Record<string, unknown>;
  const required = typeof k.kty === 'string' ? REQUIRED[k.kty] : undefined;
  if (!required) return `kty ${JSON.stringify(k.kty)} is not RSA, EC, oct or OKP`;
  const members = 'd' in k ? required.private : required.public;
  const missing = members.filter((m) => typeof k[m] !== 'string' || k[m] === '');
  if (missing.length > 0) return `${k.kty} key without ${missing.join(', ')}`;
  const notBase64 = members.filter((m) => m !== 'crv' && !/^[A-Za-z0-9+/_-]*={0,2}$/.test(k[m] as string));
  if (notBase64.length > 0) return `${notBase64.join(', ')} of the ${k.kty} key ${notBase64.length > 1 ? 'are' : 'is'} not base64`;
  return undefined;
}
