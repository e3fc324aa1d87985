import { createHash } from 'node:crypto';
import path from 'node:path';

export const PRODUCT_NAME = 'Autopay Desk';

export interface PlatformInfo {
  platform: NodeJS.Platform;
  env: Readonly<Record<string, string | undefined>>;
  homedir: string;
}

/**
 * The folder Electron uses as `userData` for this product, computed without Electron so the CLI
 * and the app agree on where the data lives.
 */
export function defaultDataDir({ platform, env, homedir }: PlatformInfo): string {
  if (platform === 'win32') {
    return path.win32.join(env.APPDATA ?? path.win32.join(homedir, 'AppData', 'Roaming'), PRODUCT_NAME);
  }
  if (platform === 'darwin') return path.posix.join(homedir, 'Library', 'Application Support', PRODUCT_NAME);
  return path.posix.join(env.XDG_CONFIG_HOME ?? path.posix.join(homedir, '.config'), PRODUCT_NAME);
}

/**
 * The keychain profile of a data folder: each folder (the store's data, training mode, a test's
 * temp dir) gets its own Toss key and data key. Derived from the resolved path, not the path
 * itself, because keychain account names have a limited alphabet.
 */
export function secretsProfileFor(dataDir: string): string {
  return `d-${createHash('sha256').update(path.resolve(dataDir)).digest('hex').slice(0, 32)}`;
}

/** The ledger of a data folder; its writer lock sits beside it. */
export function ledgerFileIn(dataDir: string): string {
  return path.join(dataDir, 'ledger.sqlite');
}
