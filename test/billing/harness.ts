import { type KeyObject, randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import {
  type BillingServices,
  createBillingServices,
  type RetryPolicy,
} from '../../electron/core/billing/index.ts';
import type { Ledger } from '../../electron/core/ledger/index.ts';
import { createLogger, type Logger } from '../../electron/core/log/index.ts';
import { createSealer, deriveLedgerKey, type Sealer } from '../../electron/core/secrets/index.ts';
import {
  createChargeGate,
  createOperatorService,
  ensureSystemOperator,
} from '../../electron/core/staff/index.ts';
import type { Payment, TossClient } from '../../electron/core/toss/index.ts';
import type { SandboxOptions } from '../../electron/sandbox/index.ts';
import { tempLedgers } from '../ledger/temp-ledger.ts';
import { type SandboxFixture, sandboxPerFile } from '../support/toss-sandbox.ts';

/** The emulator's cards (electron/sandbox/README.md), as staff would type them. */
export const CARDS = {
  good: '9410001234567890',
  check: '9410051234567890',
  softDecline: '9410011234567890',
  stopped: '9410021234567890',
  refusedAtIssue: '9410901234567890',
} as const;

export const BIRTH_DATE = '900101';
export const CARD_PASSWORD = '12';

export function cardInput(number: string = CARDS.good) {
  return { number, expiry: { month: '12', year: '30' }, identity: BIRTH_DATE, password: CARD_PASSWORD };
}

export interface SandboxKey {
  billingKey: string;
  customerKey: string;
  status: 'ACTIVE' | 'REMOVED';
  card: { number: string } | null;
  /** When Toss authenticated the card, in KST (ISO 8601 with +09:00). */
  authenticatedAt: string;
}

export interface Desk {
  readonly ledger: Ledger;
  readonly services: BillingServices;
  readonly toss: TossClient;
  readonly sealer: Sealer;
  /** The key PIN hashes are keyed with, derived from this desk's data key as openDesk does. */
  readonly pinKey: KeyObject;
  readonly operatorId: number;
  /** Every log line the services and the Toss client wrote. */
  readonly lines: string[];
  readonly clock: { now: number };
  /** A member with the good test card registered. */
  memberWithCard(cardNumber?: string): Promise<{ memberId: number; cardId: number }>;
}

export interface DeskOptions {
  responseTimeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  /** Default: waits 1 ms, so retries do not slow the suite. */
  sleep?: (ms: number) => Promise<void>;
  tossMode?: 'test' | 'live';
  /** The staff rules (caps, approvals) as the desk's open path hands them to billing. */
  staffGate?: boolean;
  /** Wraps the emulator's client, e.g. to add a TossPayments-Test-Code to some calls. */
  wrapToss?: (client: TossClient) => TossClient;
}

/** A real waiting sleep, for faults that resolve with time (a delayed request finishing). */
export const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * One emulator per test file and, per test, a fresh ledger file, data key, merchant key, logger
 * and billing services: the parts are real, only the data key is random instead of from a keychain.
 */
export function billingHarness(sandboxOptions: SandboxOptions = {}) {
  const sandbox = sandboxPerFile(sandboxOptions);
  const temp = tempLedgers();

  async function desk(options: DeskOptions = {}): Promise<Desk> {
    const ledger = await temp.ledger();
    const lines: string[] = [];
    const clock = { now: Date.now() };
    const now = () => new Date(clock.now);
    const log: Logger = createLogger({ sink: (line) => lines.push(line), now, level: 'debug' });
    const client = sandbox.client({
      log: (entry) => log.debug('toss request', { ...entry }),
      ...(options.responseTimeoutMs === undefined ? {} : { responseTimeoutMs: options.responseTimeoutMs }),
    });
    const toss = options.wrapToss ? options.wrapToss(client) : client;
    const dataKey = randomBytes(32);
    const sealer = createSealer(dataKey);
    const pinKey = deriveLedgerKey(dataKey, 'pin-hash');
    const gate = options.staffGate
      ? { gate: createChargeGate(ledger, createOperatorService(ledger, now, pinKey), now) }
      : {};
    const services = createBillingServices({
      ...gate,
      ledger,
      sealer,
      toss,
      tossMode: options.tossMode ?? 'test',
      now,
      log,
      sleep: options.sleep ?? (() => realSleep(1)),
      retry: { maxTries: 4, baseDelayMs: 1, ...options.retry },
      actor: 'test',
    });
    const operatorId = ensureSystemOperator(ledger, 'CLI', now);
    let registered = 0;
    return {
      ledger,
      services,
      toss,
      sealer,
      pinKey,
      operatorId,
      lines,
      clock,
      async memberWithCard(cardNumber = CARDS.good) {
        registered += 1;
        const member = services.members.create({
          name: `회원${registered}`,
          phone: `010-2000-${String(1000 + registered)}`,
        });
        const { card } = await services.cards.register({ memberId: member.id, card: cardInput(cardNumber) });
        return { memberId: member.id, cardId: card.id };
      },
    };
  }

  return { sandbox, temp, desk };
}

export async function sandboxPayments(sandbox: SandboxFixture): Promise<Payment[]> {
  return (await sandbox.control('GET', '/__sandbox/payments')) as Payment[];
}

export async function sandboxKeys(sandbox: SandboxFixture): Promise<SandboxKey[]> {
  return (await sandbox.control('GET', '/__sandbox/billing-keys')) as SandboxKey[];
}

export function addFault(
  sandbox: SandboxFixture,
  fault: string,
  match: { method?: string; path: string },
  extra: { delayMs?: number; times?: number } = {},
) {
  return sandbox.control('POST', '/__sandbox/faults', { match, fault, times: 1, ...extra });
}

interface AttemptRecord {
  id: number;
  orderId: string;
  status: string;
  paymentKey: string | null;
  amount: number;
  balance: number | null;
}

interface RefundRecord {
  id: number;
  chargeId: number;
  status: string;
  transactionKey: string | null;
  amount: number;
  balanceAfter: number | null;
}

/**
 * The check of the fault matrix: Toss (the emulator) and the ledger tell the same story. Every
 * DONE attempt is exactly one approved payment with its paymentKey, amount and balance; every
 * other attempt has no payment; Toss has no payment the ledger does not know; every DONE refund
 * is exactly one cancel on its payment and Toss has no cancel the ledger does not know; nothing
 * is left PENDING or UNKNOWN.
 */
export async function expectLedgerAgreesWithToss(sandbox: SandboxFixture, ledger: Ledger): Promise<void> {
  const payments = await sandboxPayments(sandbox);
  const attempts = ledger.db
    .prepare(
      `SELECT id, order_id AS orderId, status, payment_key AS paymentKey, amount, balance_amount AS balance
       FROM charge_attempts ORDER BY id`,
    )
    .all() as AttemptRecord[];
  const refunds = ledger.db
    .prepare(
      `SELECT id, charge_attempt_id AS chargeId, status, transaction_key AS transactionKey, amount,
         balance_after AS balanceAfter FROM refunds ORDER BY id`,
    )
    .all() as RefundRecord[];

  expect(attempts.filter((a) => a.status === 'PENDING' || a.status === 'UNKNOWN')).toEqual([]);
  expect(refunds.filter((r) => r.status === 'PENDING' || r.status === 'UNKNOWN')).toEqual([]);

  for (const attempt of attempts) {
    const approved = payments.filter((payment) => payment.orderId === attempt.orderId);
    if (attempt.status !== 'DONE') {
      expect(approved, `attempt ${attempt.id} (${attempt.status}) has no payment`).toEqual([]);
      continue;
    }
    expect(approved, `attempt ${attempt.id} is one payment`).toHaveLength(1);
    const [payment] = approved;
    expect(payment?.paymentKey).toBe(attempt.paymentKey);
    expect(payment?.totalAmount).toBe(attempt.amount);
    expect(payment?.balanceAmount).toBe(attempt.balance);

    const cancels = payment?.cancels ?? [];
    const done = refunds.filter((r) => r.chargeId === attempt.id && r.status === 'DONE');
    expect(done.map((r) => r.transactionKey).sort()).toEqual(cancels.map((c) => c.transactionKey).sort());
    for (const refund of done) {
      const cancel = cancels.find((c) => c.transactionKey === refund.transactionKey);
      expect(cancel?.cancelAmount).toBe(refund.amount);
      expect(cancel?.refundableAmount).toBe(refund.balanceAfter);
    }
  }
  const known = new Set(attempts.filter((a) => a.status === 'DONE').map((a) => a.orderId));
  expect(payments.filter((payment) => !known.has(payment.orderId))).toEqual([]);
}

/** The audit rows of a subject, oldest first. */
export function auditOf(ledger: Ledger, subject: string) {
  return ledger.db
    .prepare(
      'SELECT actor, operator_id AS operatorId, action, details FROM audit_log WHERE subject = ? ORDER BY id',
    )
    .all(subject)
    .map((row) => {
      const { details, ...rest } = row as {
        actor: string;
        operatorId: number | null;
        action: string;
        details: string;
      };
      return { ...rest, details: JSON.parse(details) as Record<string, unknown> };
    });
}
