import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTossClientKey, tossClientKeyStatus } from '../core/billing/index.ts';
import { type Desk, type DeskDeps, openDesk } from '../core/desk/index.ts';
import { type RunningSandbox, startSandbox } from '../sandbox/index.ts';

/** The emulator accepts any test key; training never holds a real one. */
export const TRAINING_SECRET_KEY = 'test_sk_training_mode_autopay_desk';
/** The emulator pairs test_ck_X with test_sk_X (electron/sandbox/README.md). */
export const TRAINING_CLIENT_KEY = 'test_ck_training_mode_autopay_desk';

export type DeskOpenerDeps = Omit<DeskDeps, 'dataDir' | 'tossBaseUrl'> & {
  /** The app's data folder (Electron's userData): the store's ledger, and training/ inside it. */
  readonly baseDir: string;
};

export interface DeskOpener {
  open(training: boolean): Promise<Desk>;
  /** The training emulator's origin (its card registration window lives there), once started. */
  trainingEmulatorUrl(): Promise<string | undefined>;
  /** Stops the training emulator, if it was started. */
  close(): Promise<void>;
}

export function trainingDataDir(baseDir: string): string {
  return path.join(baseDir, 'training');
}

/**
 * Opens the store's data folder against the real Toss API, or the training folder against the
 * emulator started inside main on 127.0.0.1 with a test key of its own. The folders differ, so
 * their ledgers and keychain entries differ too: training data can never meet live data.
 */
export function createDeskOpener(deps: DeskOpenerDeps): DeskOpener {
  let sandbox: Promise<RunningSandbox> | undefined;
  const { baseDir, ...desk } = deps;
  return {
    async open(training) {
      if (!training) return openDesk({ ...desk, dataDir: baseDir });
      sandbox ??= startSandbox({ host: '127.0.0.1', port: 0 });
      const opened = await openDesk({
        ...desk,
        dataDir: trainingDataDir(baseDir),
        tossBaseUrl: (await sandbox).url,
      });
      if (!(await opened.secrets.tossSecretKeyStatus()).configured) {
        await opened.secrets.setTossSecretKey(TRAINING_SECRET_KEY);
        await opened.reload();
      }
      if (!tossClientKeyStatus(opened.ledger.db, 'test').configured) {
        setTossClientKey(
          opened.ledger.db,
          { clientKey: TRAINING_CLIENT_KEY, secretKeyMode: 'test', actor: 'training' },
          deps.now,
        );
      }
      return opened;
    },
    async trainingEmulatorUrl() {
      return (await sandbox)?.url;
    },
    async close() {
      await (await sandbox)?.close();
    },
  };
}

const MODE_FILE = 'desk-mode.json';

/** Whether the app was last in training mode; anything unreadable means the store's own data. */
export function readTrainingFlag(baseDir: string): boolean {
  try {
    return JSON.parse(readFileSync(path.join(baseDir, MODE_FILE), 'utf8')).training === true;
  } catch {
    return false;
  }
}

export function writeTrainingFlag(baseDir: string, training: boolean): void {
  writeFileSync(path.join(baseDir, MODE_FILE), `${JSON.stringify({ training })}\n`);
}
