import { mkdirSync } from 'node:fs';
import { defaultDataDir, ledgerFileIn, type PlatformInfo, secretsProfileFor } from '../core/app-paths.ts';
import { type Ledger, openLedger } from '../core/ledger/index.ts';
import { createSecrets, type SecretStore, type Secrets } from '../core/secrets/index.ts';
import type { GlobalOptions } from './global-options.ts';
import type { CliIo } from './io.ts';

/**
 * What a command needs. Services are made on first use, so `sandbox` touches no keychain and
 * `secret` opens no ledger (and so takes no writer lock from a running app).
 */
export interface CliContext {
  readonly io: CliIo;
  readonly json: boolean;
  readonly dataDir: string;
  readonly tossBaseUrl: string | undefined;
  readonly now: () => Date;
  secrets(): Secrets;
  ledger(): Ledger;
  /** Releases what the command opened (the ledger and its writer lock). */
  close(): void;
}

export interface CliDeps {
  io: CliIo;
  platform: PlatformInfo;
  secretStore: () => SecretStore;
  now: () => Date;
}

export function createCliContext(options: GlobalOptions, deps: CliDeps): CliContext {
  const dataDir = options.dataDir ?? defaultDataDir(deps.platform);
  let secrets: Secrets | undefined;
  let ledger: Ledger | undefined;
  return {
    io: deps.io,
    json: options.json,
    dataDir,
    tossBaseUrl: options.tossBaseUrl,
    now: deps.now,
    secrets() {
      secrets ??= createSecrets({ store: deps.secretStore(), profile: secretsProfileFor(dataDir) });
      return secrets;
    },
    ledger() {
      if (!ledger) {
        mkdirSync(dataDir, { recursive: true });
        ledger = openLedger(ledgerFileIn(dataDir));
      }
      return ledger;
    },
    close() {
      ledger?.close();
      ledger = undefined;
    },
  };
}
