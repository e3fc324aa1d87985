import { randomUUID } from 'node:crypto';
import keytar from 'keytar';
import { describe } from 'vitest';

/**
 * Keychain tests run against the real OS keychain. When none is reachable they fail under
 * CI=true (CI must prove the keychain code works) and are skipped, with the reason in the suite
 * title, everywhere else.
 */
export const inCI = process.env.CI === 'true';

/** A keychain service name no other test run uses, so that runs never see each other's entries. */
export function uniqueService(): string {
  return `autopay-desk-test-${randomUUID()}`;
}

/** Why the keychain cannot be used, or undefined when a throwaway entry can be set, read and deleted. */
async function probeKeychain(): Promise<string | undefined> {
  const service = uniqueService();
  try {
    await keytar.setPassword(service, 'probe', 'probe-value');
    const read = await keytar.getPassword(service, 'probe');
    return read === 'probe-value' ? undefined : 'an entry written to the keychain could not be read back';
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    await keytar.deletePassword(service, 'probe').catch(() => false);
  }
}

export const keychainUnreachable = await probeKeychain();

const skip = keychainUnreachable !== undefined && !inCI;

/** describe() for suites that need the keychain. */
export function describeWithKeychain(title: string, suite: () => void): void {
  const reason = `skipped: no OS keychain reachable (${keychainUnreachable}); on Linux run inside dbus-run-session with gnome-keyring unlocked, as .ci/run does`;
  describe.skipIf(skip)(skip ? `${title} (${reason})` : title, suite);
}
