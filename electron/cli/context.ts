import { appendFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { defaultDataDir, type PlatformInfo, secretsProfileFor } from '../core/app-paths.ts';
import type { AuditChain } from '../core/audit/index.ts';
import type { BillingServices } from '../core/billing/index.ts';
import { type Desk, openDesk } from '../core/desk/index.ts';
import type { Ledger } from '../core/ledger/index.ts';
import { createLogger, type Logger } from '../core/log/index.ts';
import type { OffsiteResult, TossCatchUpReport } from '../core/recovery/index.ts';
import type {
  CatchUpService,
  ConsentService,
  PlanService,
  ScheduleRunner,
  ScheduleRunnerDeps,
  SubscriptionService,
} from '../core/schedule/index.ts';
import { createSecrets, type SecretStore, type Secrets, SecretsError } from '../core/secrets/index.ts';
import type { StoreSettingsService } from '../core/settings/index.ts';
import { ensureSystemOperator } from '../core/staff/index.ts';
import { CliError } from './cli-error.ts';
import type { GlobalOptions } from './global-options.ts';
import type { CliIo } from './io.ts';

/** The audit log's name for what the CLI does; it acts as the owner of the data folder. */
export const CLI_ACTOR = 'CLI';

/** The exit code when the ledger's audit chain does not check out: nothing else was done. */
export const AUDIT_BROKEN_EXIT_CODE = 5;

/**
 * What a command needs. Services are made on first use, so `sandbox` touches no keychain and
 * `secret` opens no ledger (and so takes no writer lock from a running app).
 */
export interface CliContext {
  readonly io: CliIo;
  readonly json: boolean;
  readonly dataDir: string;
  readonly now: () => Date;
  secrets(): Secrets;
  ledger(): Promise<Ledger>;
  /** The owner's settings over this folder's ledger, with the rules the app's Settings screen obeys. */
  settings(): Promise<StoreSettingsService>;
  /** The ledger's keyed audit chain, checked against its head in the keychain when the folder opened. */
  audit(): Promise<AuditChain>;
  /** The billing core over this folder's ledger; with `toss`, a Toss key must be configured. */
  billing(options: { toss: boolean }): Promise<BillingServices>;
  /** Plans and subscriptions over this folder's ledger (no Toss call is made through them). */
  schedules(): Promise<{
    plans: PlanService;
    subscriptions: SubscriptionService;
    catchUp: CatchUpService;
    consents: ConsentService;
  }>;
  /**
   * The schedule runner over the billing core (a Toss key must be configured), running as of
   * `asOf`: which periods are due and which wait for a manager is judged at that instant, while
   * the rows it writes carry the real time. `pace` overrides the runner's default concurrency and
   * rate limit.
   */
  runner(
    asOf: Date,
    pace?: Pick<ScheduleRunnerDeps, 'concurrency' | 'ratePerSecond'>,
  ): Promise<ScheduleRunner>;
  /**
   * The data key of this folder, for backups and the recovery code: created on first use only
   * while the ledger holds nothing sealed with another key.
   */
  dataKey(): Promise<Buffer>;
  /**
   * After a restore, the first command that talks to Toss first compares Toss's transactions
   * since the backup with the ledger (recovery/toss-catch-up.ts); this is that run's report, or
   * null when there was nothing to catch up. Needs a Toss key.
   */
  tossCatchUp(): Promise<TossCatchUpReport | null>;
  /**
   * The app's off-PC backup tick (recovery/offsite-backup.ts): after a run that charged anything,
   * or once the daily time has passed, writes and verifies a backup in the owner's folder. Null
   * when nothing was due or no folder is set.
   */
  offsiteTick(): Promise<OffsiteResult | null>;
  /** The operator row the CLI acts as (refunds and charges name one). */
  operatorId(): Promise<number>;
  /** Releases what the command opened: the Toss connections, the ledger and its writer lock. */
  close(): Promise<void>;
}

export interface CliDeps {
  io: CliIo;
  platform: PlatformInfo;
  secretStore: () => SecretStore;
  now: () => Date;
}

/**
 * The CLI opens its data folder exactly as the app does (openDesk: the ledger and its writer lock,
 * the keychain's data key, the billing core with the owner's caps, the owner's schedule settings),
 * only without the every-minute schedule loop. It opens on first use, so `sandbox` touches no
 * keychain and `secret` opens no ledger (and so takes no writer lock from a running app).
 */
export function createCliContext(options: GlobalOptions, injected: CliDeps): CliContext {
  const dataDir = options.dataDir ?? defaultDataDir(injected.platform);
  let secrets: Secrets | undefined;
  let opening: Promise<Desk> | undefined;
  let opened: Desk | undefined;

  function desk(): Promise<Desk> {
    opening ??= openDesk({
      dataDir,
      secretStore: injected.secretStore(),
      ...(options.tossBaseUrl === undefined ? {} : { tossBaseUrl: options.tossBaseUrl }),
      now: injected.now,
      log: fileLogger(dataDir, injected.now),
      setTimer: () => undefined,
      clearTimer: () => undefined,
      scheduleLoop: false,
      actor: CLI_ACTOR,
    }).then((open) => {
      opened = open;
      return open;
    });
    return opening;
  }

  /**
   * The desk, once its audit chain checked out: every command that writes refuses to run
   * (AUDIT_BROKEN_EXIT_CODE) on a ledger whose rows were changed, cut short or swapped, as the app
   * shows its red banner. Read-only commands (`charges`, `upcoming`, `backup`, `audit verify`)
   * still open it, to show what is there.
   */
  async function verifiedDesk(): Promise<Desk> {
    const open = await desk();
    const status = open.audit.status();
    if (!status.ok) throw new CliError(status.message, AUDIT_BROKEN_EXIT_CODE);
    return open;
  }

  const ctx: CliContext = {
    io: injected.io,
    json: options.json,
    dataDir,
    now: injected.now,
    secrets() {
      secrets ??=
        opened?.secrets ??
        createSecrets({ store: injected.secretStore(), profile: secretsProfileFor(dataDir) });
      return secrets;
    },
    ledger: async () => (await desk()).ledger,
    async settings() {
      return (await verifiedDesk()).settings;
    },
    audit: async () => (await desk()).audit,
    async billing({ toss: needsToss }) {
      const open = await verifiedDesk();
      if (needsToss && !(await open.secrets.tossSecretKeyStatus()).configured) {
        throw new SecretsError('TOSS_KEY_NOT_CONFIGURED');
      }
      return open.billing();
    },
    // Opening the desk made the key if the ledger was new.
    dataKey: async () => (await desk()).secrets.ledgerDataKey({ mayCreate: false }),
    async tossCatchUp() {
      await ctx.billing({ toss: true });
      return (await desk()).lastCatchUp();
    },
    async schedules() {
      const open = await verifiedDesk();
      return {
        plans: open.plans,
        subscriptions: open.subscriptions,
        catchUp: open.catchUp,
        consents: open.consents,
      };
    },
    async runner(asOf, pace = {}) {
      await ctx.billing({ toss: true });
      return (await desk()).scheduleRunner({ now: () => asOf, ...pace });
    },
    offsiteTick: async () => (await verifiedDesk()).offsiteTick(),
    async operatorId() {
      return ensureSystemOperator((await verifiedDesk()).ledger, CLI_ACTOR, injected.now);
    },
    async close() {
      const open = opening;
      opening = undefined;
      opened = undefined;
      if (open) await (await open.catch(() => undefined))?.close();
    },
  };
  return ctx;
}

/** The CLI logs to a file in the data folder: stdout is for the command's answer only. */
function fileLogger(dataDir: string, now: () => Date): Logger {
  const file = path.join(dataDir, 'logs', 'desk-cli.log');
  mkdirSync(path.dirname(file), { recursive: true });
  return createLogger({ sink: (line) => appendFileSync(file, `${line}\n`), now, level: 'info' });
}
