import { defaultDataDir, type PlatformInfo, secretsProfileFor } from '../core/app-paths.ts';
import { createSecrets, type SecretStore, type Secrets } from '../core/secrets/index.ts';
import type { GlobalOptions } from './global-options.ts';
import type { CliIo } from './io.ts';

/** What a command needs; services are made on first use, so `sandbox` touches no keychain. */
export interface CliContext {
  readonly io: CliIo;
  readonly json: boolean;
  readonly dataDir: string;
  readonly tossBaseUrl: string | undefined;
  secrets(): Secrets;
}

export interface CliDeps {
  io: CliIo;
  platform: PlatformInfo;
  secretStore: () => SecretStore;
}

export function createCliContext(options: GlobalOptions, deps: CliDeps): CliContext {
  const dataDir = options.dataDir ?? defaultDataDir(deps.platform);
  let secrets: Secrets | undefined;
  return {
    io: deps.io,
    json: options.json,
    dataDir,
    tossBaseUrl: options.tossBaseUrl,
    secrets() {
      secrets ??= createSecrets({ store: deps.secretStore(), profile: secretsProfileFor(dataDir) });
      return secrets;
    },
  };
}
