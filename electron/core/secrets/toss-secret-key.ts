import { SecretsError } from './secrets-error.ts';

export type TossKeyMode = 'test' | 'live';

// toss-api.md §1.1. The tail allows '_' so that the shared documentation keys (`_docs_`) pass.
const SECRET_KEY = /^(test|live)_sk_[A-Za-z0-9_]+$/;

// The other key kinds Toss hands out next to the secret key, easy to paste by mistake.
const OTHER_KINDS = [
  { prefix: /^(test|live)_ck_/, code: 'TOSS_KEY_IS_CLIENT_KEY' },
  { prefix: /^(test|live)_gck_/, code: 'TOSS_KEY_IS_WIDGET_CLIENT_KEY' },
  { prefix: /^(test|live)_gsk_/, code: 'TOSS_KEY_IS_WIDGET_SECRET_KEY' },
] as const;

/** The mode of a well-formed secret key, or undefined for anything else. */
export function tossSecretKeyMode(key: string): TossKeyMode | undefined {
  const match = SECRET_KEY.exec(key);
  return match ? (match[1] as TossKeyMode) : undefined;
}

/**
 * Checks a key typed or pasted by staff. Surrounding white space (a copied line break) is
 * dropped; anything that is not an API 개별 연동 secret key is refused, naming the kind of key it
 * is when it is one of Toss's other keys.
 */
export function parseTossSecretKey(input: string): { key: string; mode: TossKeyMode } {
  const key = input.trim();
  const mode = tossSecretKeyMode(key);
  if (mode) return { key, mode };
  const other = OTHER_KINDS.find((kind) => kind.prefix.test(key));
  throw new SecretsError(other ? other.code : 'TOSS_KEY_MALFORMED');
}
