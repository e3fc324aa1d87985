import { TOSS_API_BASE_URL } from './client.ts';

/**
 * Where a caller may point the Toss client: Toss's own API host, or an emulator on this computer
 * (loopback). Anything else would receive the secret key in every request's Authorization header.
 */
export function tossBaseUrlAllowed(text: string): boolean {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return false;
  }
  if (url.username || url.password || url.search || url.hash) return false;
  if (url.origin === TOSS_API_BASE_URL && url.pathname === '/') return true;
  const loopback =
    url.hostname === 'localhost' || url.hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(url.hostname);
  return loopback && (url.protocol === 'http:' || url.protocol === 'https:');
}
