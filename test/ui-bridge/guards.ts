/*
 * The bridge drives the real billing core, so it must never be pointed at real money: it refuses
 * live keys and any Toss URL that is not the emulator on this machine.
 */

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

export class UiBridgeRefusal extends Error {
  override readonly name = 'UiBridgeRefusal';
}

export function assertLoopbackTossUrl(url: string): void {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new UiBridgeRefusal(`The UI bridge needs the emulator's loopback URL, not ${JSON.stringify(url)}`);
  }
  if (parsed.protocol !== 'http:' || !LOOPBACK_HOSTS.has(parsed.hostname)) {
    throw new UiBridgeRefusal(`The UI bridge talks only to the emulator on loopback, not ${parsed.origin}`);
  }
}

export function isLiveKey(secretKey: string): boolean {
  return secretKey.trim().startsWith('live_');
}
