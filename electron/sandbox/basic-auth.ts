import type { FindMerchant, Merchant } from './merchants.ts';

export type AuthResult =
  | { readonly ok: true; readonly merchant: Merchant }
  | { readonly ok: false; readonly code: 'UNAUTHORIZED_KEY' | 'INCORRECT_BASIC_AUTH_FORMAT' };

const BASIC = /^Basic(?:[ \t]+(\S*))?[ \t]*$/i;
// Standard alphabet; the padding is optional because S1's Rust client sends none (§1).
const BASE64 = /^([A-Za-z0-9+/]*)(={0,2})$/;

/**
 * §1.2: no header, another scheme or an unknown key → 401 UNAUTHORIZED_KEY; a Basic value that
 * does not decode to `key:` → 403 INCORRECT_BASIC_AUTH_FORMAT. Live keys are unknown here.
 */
export function authenticate(header: string | undefined, findMerchant: FindMerchant): AuthResult {
  const basic = header === undefined ? null : BASIC.exec(header);
  if (!basic) return { ok: false, code: 'UNAUTHORIZED_KEY' };
  const decoded = decodeBase64(basic[1] ?? '');
  const colon = decoded?.indexOf(':') ?? -1;
  if (decoded === undefined || colon < 0) return { ok: false, code: 'INCORRECT_BASIC_AUTH_FORMAT' };
  const merchant = findMerchant(decoded.slice(0, colon));
  return merchant ? { ok: true, merchant } : { ok: false, code: 'UNAUTHORIZED_KEY' };
}

function decodeBase64(token: string): string | undefined {
  const parts = BASE64.exec(token);
  if (!parts) return undefined;
  const data = parts[1] ?? '';
  const padding = parts[2] ?? '';
  if (data.length % 4 === 1) return undefined;
  if (padding !== '' && (data.length + padding.length) % 4 !== 0) return undefined;
  return Buffer.from(data, 'base64').toString('utf8');
}
