import { appendFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { defaultDataDir, ledgerFileIn, type PlatformInfo, secretsProfileFor } from '../core/app-paths.ts';
import {
  type BillingDeps,
  type BillingServices,
  billingContext,
  createBillingServices,
  ensureSystemOperator,
  ledgerHoldsSealedValues,
} from '../core/billing/index.ts';
import { type Ledger, openLedger } from '../core/ledger/index.ts';
import { createLogger, type Logger } from '../core/log/index.ts';
import { catchUpWithToss, type TossCatchUpReport } from '../core/recovery/index.ts';
import {
  type CatchUpService,
  createCatchUpService,
  createPlanService,
  createScheduleRunner,
  createSubscriptionService,
  type PlanService,
  type ScheduleRunner,
  type ScheduleRunnerDeps,
  type SubscriptionService,
} from '../core/schedule/index.ts';
import {
  createSealer,
  createSecrets,
  type SecretStore,
  type Secrets,
  SecretsError,
} from '../core/secrets/index.ts';
import { createTossClient, type TossClient } from '../core/toss/index.ts';
import type { GlobalOptions } from './global-options.ts';
import type { CliIo } from './io.ts';

/** The audit log's name for what the CLI does; it acts as the owner of the data folder. */
export const CLI_ACTOR = 'CLI';

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
  ledger(): Ledger;
  /** The billing core over this folder's ledger; with `toss`, a Toss key must be configured. */
  billing(options: { toss: boolean }): Promise<BillingServices>;
  /** Plans and subscriptions over this folder's ledger (no Toss call is made through them). */
  schedules(): Promise<{
    plans: PlanService;
    subscriptions: SubscriptionService;
    catchUp: CatchUpService;
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
  /** The operator row the CLI acts as (refunds and charges name one). */
  operatorId(): number;
  /** Releases what the command opened: the Toss connections, the ledger and its writer lock. */
  close(): Promise<void>;
}

export interface CliDeps {
  io: CliIo;
  platform: PlatformInfo;
  secretStore: () => SecretStore;
  now: () => Date;
}

export function createCliContext(options: GlobalOptions, injected: CliDeps): CliContext {
  const dataDir = options.dataDir ?? defaultDataDir(injected.platform);
  let secrets: Secrets | undefined;
  let ledger: Ledger | undefined;
  let toss: TossClient | undefined;
  let deps: BillingDeps | undefined;
  let billing: BillingServices | undefined;
  let catchUp: Promise<TossCatchUpReport | null> | undefined;

  async function billingDeps(): Promise<BillingDeps> {
    if (!deps) {
      const keys = ctx.secrets();
      const status = await keys.tossSecretKeyStatus();
      const book = ctx.ledger();
      const dataKey = await keys.ledgerDataKey({ mayCreate: !ledgerHoldsSealedValues(book) });
      toss = createTossClient({
        ...(options.tossBaseUrl === undefined ? {} : { baseUrl: options.tossBaseUrl }),
        getSecretKey: () => keys.getTossSecretKey(),
      });
      deps = {
        ledger: book,
        sealer: createSealer(dataKey),
        toss,
        tossMode: status.mode ?? 'test',
        now: injected.now,
        log: fileLogger(dataDir, injected.now),
        actor: CLI_ACTOR,
      };
    }
    return deps;
  }

  const ctx: CliContext = {
    io: injected.io,
    json: options.json,
    dataDir,
    now: injected.now,
    secrets() {
      secrets ??= createSecrets({ store: injected.secretStore(), profile: secretsProfileFor(dataDir) });
      return secrets;
    },
    ledger() {
      if (!ledger) {
        mkdirSync(dataDir, { recursive: true });
        ledger = openLedger(ledgerFileIn(dataDir));
      }
      return ledger;
    },
    async billing({ toss: needsToss }) {
      if (needsToss && !(await ctx.secrets().tossSecretKeyStatus()).configured) {
        throw new SecretsError('TOSS_KEY_NOT_CONFIGURED');
      }
      billing ??= createBillingServices(await billingDeps());
      if (needsToss) {
        const services = billing;
        const { sealer, log, toss: client } = await billingDeps();
        catchUp ??= catchUpWithToss({
          ledger: ctx.ledger(),
          sealer,
          toss: client,
          reconciler: services.reconciler,
          now: injected.now,
          log,
        });
        await catchUp;
      }
      return billing;
    },
    async dataKey() {
      return ctx.secrets().ledgerDataKey({ mayCreate: !ledgerHoldsSealedValues(ctx.ledger()) });
    },
    async tossCatchUp() {
      await ctx.billing({ toss: true });
      return (await catchUp) ?? null;
    },
    async schedules() {
      const context = billingContext(await billingDeps());
      return {
        plans: createPlanService(context),
        subscriptions: createSubscriptionService(context),
        catchUp: createCatchUpService(context),
      };
    },
    async runner(asOf, pace = {}) {
      const services = await ctx.billing({ toss: true });
      const { ledger: book, log } = await billingDeps();
      return createScheduleRunner({ ledger: book, billing: services, now: () => asOf, log, ...pace });
    },
    operatorId() {
      return ensureSystemOperator(ctx.ledger(), CLI_ACTOR, injected.now);
    },
    async close() {
      await toss?.close();
      ledger?.close();
      ledger = undefined;
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
