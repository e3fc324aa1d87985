import { createBillingServices } from '../../electron/core/billing/index.ts';
import { openLedger } from '../../electron/core/ledger/index.ts';
import { createLogger } from '../../electron/core/log/index.ts';
import { createSealer } from '../../electron/core/secrets/index.ts';
import { ensureSystemOperator } from '../../electron/core/staff/index.ts';
import type { TossClient } from '../../electron/core/toss/index.ts';
import { CARDS, cardInput } from '../billing/harness.ts';
import { insertSubscription } from './runner-harness.ts';

/** Card registrations in flight at once. */
const PARALLEL = 20;

export interface SeedDueOptions {
  /** The ledger file; opened here and closed again. */
  readonly file: string;
  readonly dataKey: Buffer;
  /** The emulator's client; left open for the caller. */
  readonly toss: TossClient;
  readonly members: number;
  /** Members (numbered from 1) whose card the emulator declines at charge time. Default: none. */
  readonly declines?: (n: number) => boolean;
}

/**
 * Members 1…N, each with a card registered through the billing services (a real billing key at
 * the emulator, a sealed one in the ledger) and a monthly subscription (10,000 + n KRW) whose first
 * period is due now. Shared by the crash-safety test and the runner benchmark. Returns the ids of
 * the subscriptions whose card declines.
 */
export async function seedDueSubscriptions(options: SeedDueOptions): Promise<Set<number>> {
  const ledger = openLedger(options.file);
  try {
    const now = () => new Date();
    const services = createBillingServices({
      ledger,
      sealer: createSealer(options.dataKey),
      toss: options.toss,
      tossMode: 'test',
      now,
      log: createLogger({ sink: () => {}, now, level: 'warn' }),
      actor: 'test',
    });
    ensureSystemOperator(ledger, 'CLI', now);
    // Anchored on yesterday (store time) at 10:00: between 14 and 38 hours ago, so due now and
    // well inside the runner's 3-day catch-up threshold.
    const anchorDate = seoulDate(Date.now() - 24 * 60 * 60 * 1_000);
    const decliners = new Set<number>();
    for (let from = 1; from <= options.members; from += PARALLEL) {
      const batch = Array.from(
        { length: Math.min(PARALLEL, options.members - from + 1) },
        (_, i) => from + i,
      );
      await Promise.all(
        batch.map(async (n) => {
          const member = services.members.create({
            name: `회원${n}`,
            phone: `010-${1000 + Math.floor(n / 10_000)}-${String(n % 10_000).padStart(4, '0')}`,
          });
          const declines = options.declines?.(n) ?? false;
          await services.cards.register({
            memberId: member.id,
            card: cardInput(declines ? CARDS.softDecline : CARDS.good),
          });
          const sub = insertSubscription(ledger, { memberId: member.id, anchorDate, amount: 10_000 + n });
          if (declines) decliners.add(sub);
        }),
      );
    }
    return decliners;
  } finally {
    ledger.close();
  }
}

/** The store-local (Asia/Seoul) calendar date of an instant. */
export function seoulDate(ms: number): string {
  return new Date(ms + 9 * 60 * 60 * 1_000).toISOString().slice(0, 10);
}
