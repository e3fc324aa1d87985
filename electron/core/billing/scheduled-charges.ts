import {
  type AttemptRow,
  chargeView,
  insertPeriodAttempt,
  markPeriodCharging,
  periodAttemptId,
} from '../ledger/index.ts';
import type { BillingKeyRef, ChargeBillingKeyRequest } from '../toss/index.ts';
import { type Actor, audit } from './audit.ts';
import { BillingError } from './billing-error.ts';
import { chargeBody, openChargeKey, recordChargeOutcomeGrouped, sendCharge } from './charge-send.ts';
import type { BillingContext } from './deps.ts';
import type { GroupCommit } from './group-commit.ts';
import type { InFlight } from './in-flight.ts';
import { type ChargeablePeriodRow, chargeablePeriodRow } from './period-charge.ts';
import { isUniqueViolation } from './sqlite-errors.ts';
import type { ChargeView } from './views.ts';

export interface ChargePeriodInput {
  readonly periodId: number;
  /** 1 for the period's scheduled charge (the default), 2 and up for dunning retries. */
  readonly attemptNo?: number;
  /**
   * Awaited after the attempt is committed and before its request leaves (the scheduler's rate
   * limiter, and its turn for a connection). A refused or repeated try does not wait. Writing the
   * attempt before the wait lets the scheduler commit its next tries while the current requests
   * are out, so a request leaves as soon as a connection frees instead of after one more commit.
   * Meanwhile the attempt is in flight: a repeated call and the reconciler wait for it. It must
   * not throw: the attempt would stay PENDING, unsent, until the reconciler resends it.
   */
  readonly beforeSend?: () => Promise<void>;
  /**
   * The request will not leave soon (the scheduler writes attempts ahead of their turn): the
   * attempt's write may wait for other writes to share its commit (GroupCommit.runAtPause)
   * instead of being committed in the next turn. It is still committed before `beforeSend`.
   */
  readonly writeLazily?: boolean;
  /**
   * Called with Toss's answer as soon as it arrives, before it is written: the request no longer
   * holds a connection, so the scheduler can send the next one (written already) at once. The
   * returned result still waits for the outcome's commit.
   */
  readonly onAnswered?: (answer: ChargeAnswer) => void;
  /**
   * Toss asked to slow down (429 or FORBIDDEN_CONSECUTIVE_REQUEST, with its Retry-After if any).
   * Resolving true (after waiting as long as the caller sees fit) sends the very same request
   * again, same orderId and Idempotency-Key, so a rate-limited run slows down instead of leaving
   * attempts UNKNOWN; false records the answer as UNKNOWN, for the reconciler. The attempt stays
   * PENDING and in flight meanwhile. Without it the answer is recorded at once.
   */
  readonly onRateLimited?: (limit: { readonly retryAfterMs: number | null }) => Promise<boolean>;
}

/** Toss's answer to a scheduled charge request, not yet in the ledger. */
export interface ChargeAnswer {
  readonly status: 'DONE' | 'DECLINED' | 'FAILED' | 'UNKNOWN';
  /** Toss's error code (null for DONE). */
  readonly code: string | null;
}

/** Why a period was not charged; nothing was written and nothing was sent. */
export type NotChargeableReason =
  | 'PERIOD_NOT_FOUND'
  /** Attempt 1 needs a 'pending' period, a retry a 'failed' one. */
  | 'PERIOD_NOT_CHARGEABLE'
  /** Not 'active' (a retry may also run for a 'past_due' or 'needs_card' one). */
  | 'SUBSCRIPTION_NOT_ACTIVE'
  | 'MEMBER_ARCHIVED'
  | 'NO_ACTIVE_CARD'
  /** A retry before every earlier attempt of the period is resolved, or not the next number. */
  | 'ATTEMPT_OUT_OF_ORDER';

export type ScheduledChargeResult =
  | {
      readonly kind: 'charge';
      readonly charge: ChargeView;
      /** True when this (period, attempt) had already been written: nothing new was sent. */
      readonly repeated: boolean;
    }
  | { readonly kind: 'not_chargeable'; readonly reason: NotChargeableReason; readonly message: string };

export interface ScheduledChargeService {
  /**
   * Charges one try of a subscription period through the same path as a manual charge
   * (design.md invariant 4): in one transaction the period is checked, the attempt (deterministic
   * orderId, fresh Idempotency-Key, PENDING) is inserted with its audit row, the period becomes
   * 'charging' and the attempt is marked sent; only after the commit (and `beforeSend`) does the
   * request leave. The outcome moves the period to 'paid' (DONE) or 'failed' (DECLINED, FAILED);
   * UNKNOWN leaves it 'charging' until the reconciler resolves the attempt, which moves the period
   * the same way.
   *
   * Unlike a manual charge, both transactions (attempt, outcome) are group commits
   * (group-commit.ts): they carry the writes of other scheduled charges started or answered around
   * the same time, which is what lets a due run charge thousands of periods without one fsync
   * each. Each still commits before its request leaves, and before its outcome is returned.
   *
   * Asking again for the same (period, attempt), at once or after a restart, returns the attempt
   * already written (waiting for its answer if it is on its way) and never sends a second one.
   * Throws BillingError only for bad arguments, an unreadable sealed key, or LEDGER_WRITE_FAILED.
   */
  chargePeriod(input: ChargePeriodInput): Promise<ScheduledChargeResult>;
}

const SCHEDULER: Actor = { actor: 'scheduler' };
/** Subscription statuses in which a period's first attempt, and a retry (attemptNo > 1), may be charged. */
const FIRST_ATTEMPT_STATUSES: ReadonlySet<string> = new Set(['active']);
const RETRY_STATUSES: ReadonlySet<string> = new Set(['active', 'past_due', 'needs_card']);

/**
 * The orderId of a period's try: the same on every call and after any restart, so a crash between
 * commit and send can never mint a second order for one try. The member's random uid makes it
 * unique to this ledger: a new ledger on the same Toss merchant (a reinstall) would otherwise
 * reuse s1p0a1, and a lookup by orderId would find the old ledger's payment and record it as paid.
 * A ledger restored from a backup keeps its uids, so its orders are found again, as they should be.
 */
export function periodOrderId(
  subscriptionId: number,
  periodIndex: number,
  attemptNo: number,
  memberUid: string,
) {
  return `s${subscriptionId}p${periodIndex}a${attemptNo}_${memberUid.slice(0, 8)}`;
}

/** Thrown inside the transaction to roll it back when the period moved on meanwhile. */
class PeriodMoved extends Error {}

/** What a try's checks found: a refusal, the attempt already written, or a period to charge. */
type Assessment =
  | Extract<ScheduledChargeResult, { kind: 'not_chargeable' }>
  | { readonly kind: 'written'; readonly attemptId: number }
  | {
      readonly kind: 'chargeable';
      readonly row: ChargeablePeriodRow & { readonly cardUid: string; readonly billingKeySealed: Buffer };
      readonly cardId: number;
    };

/** A committed attempt, ready to leave: the key and body are read in the transaction that wrote it. */
interface Claimed {
  readonly kind: 'claimed';
  readonly attempt: AttemptRow;
  readonly key: BillingKeyRef;
  readonly body: ChargeBillingKeyRequest;
}

export function createScheduledChargeService(
  ctx: BillingContext,
  inFlight: InFlight<ChargeView>,
  group: GroupCommit,
): ScheduledChargeService {
  const db = ctx.ledger.db;

  function existing(id: number): Promise<ScheduledChargeResult> | ScheduledChargeResult {
    const running = inFlight.get(id);
    if (running) return running.then((charge) => ({ kind: 'charge', charge, repeated: true }));
    const charge = chargeView(db, id);
    if (!charge) throw new Error(`charge attempt ${id} vanished`);
    return { kind: 'charge', charge, repeated: true };
  }

  function refuse(reason: NotChargeableReason, message: string) {
    return { kind: 'not_chargeable', reason, message } as const;
  }

  function check(row: ChargeablePeriodRow, attemptNo: number) {
    const from = attemptNo === 1 ? 'pending' : 'failed';
    if (row.periodStatus !== from) {
      return refuse(
        'PERIOD_NOT_CHARGEABLE',
        `구독 기간(번호 ${row.periodId})은 결제할 수 있는 상태가 아닙니다 (현재 상태: ${row.periodStatus}).`,
      );
    }
    // A retry may also clear dunning: once staff register a new card for a past_due or needs_card
    // subscription, re-charging its failed period is how it returns to active (dunning.ts). First
    // attempts still need 'active', so no new period is charged while the subscription is stuck.
    const allowed = attemptNo === 1 ? FIRST_ATTEMPT_STATUSES : RETRY_STATUSES;
    if (!allowed.has(row.subscriptionStatus)) {
      return refuse(
        'SUBSCRIPTION_NOT_ACTIVE',
        `구독(번호 ${row.subscriptionId})이 이용 중이 아니라 결제하지 않았습니다 (현재 상태: ${row.subscriptionStatus}).`,
      );
    }
    if (row.memberStatus !== 'active') {
      return refuse('MEMBER_ARCHIVED', `보관 처리된 회원(${row.memberName})이라 결제하지 않았습니다.`);
    }
    if (row.liveAttempts > 0 || row.lastAttemptNo !== attemptNo - 1) {
      return refuse(
        'ATTEMPT_OUT_OF_ORDER',
        `구독 기간(번호 ${row.periodId})의 ${attemptNo}번째 결제는 이전 결제가 모두 확정된 뒤 순서대로만 할 수 있습니다.`,
      );
    }
    return undefined;
  }

  /** Reads only (chargeablePeriodRow), in the transaction that writes the attempt. */
  function assess(periodId: number, attemptNo: number): Assessment {
    const row = chargeablePeriodRow(db, periodId, attemptNo);
    // An attempt's period always exists (foreign key), so a missing one has no attempt either.
    if (!row) return refuse('PERIOD_NOT_FOUND', `구독 기간(번호 ${periodId})을 찾을 수 없습니다.`);
    if (row.writtenAttemptId !== null) return { kind: 'written', attemptId: row.writtenAttemptId };
    const refused = check(row, attemptNo);
    if (refused) return refused;
    const { cardId, cardUid, billingKeySealed } = row;
    if (cardId === null || cardUid === null || billingKeySealed === null) {
      return refuse(
        'NO_ACTIVE_CARD',
        `${row.memberName} 회원은 등록된 카드가 없어 정기 결제를 하지 않았습니다.`,
      );
    }
    return { kind: 'chargeable', row: { ...row, cardUid, billingKeySealed }, cardId };
  }

  /** Runs in a group commit's savepoint: checks, writes the attempt and marks it sent, all or nothing. */
  function claim(
    periodId: number,
    attemptNo: number,
    at: number,
  ): Claimed | Exclude<Assessment, { kind: 'chargeable' }> {
    const found = assess(periodId, attemptNo);
    if (found.kind !== 'chargeable') return found;
    const { row, cardId } = found;
    // Opened before anything is written: a key that does not open is an error, not an attempt.
    const key = openChargeKey(ctx, row);
    if (!markPeriodCharging(db, periodId, attemptNo === 1 ? 'pending' : 'failed', at))
      throw new PeriodMoved();
    const request = {
      orderId: periodOrderId(row.subscriptionId, row.periodIndex, attemptNo, row.memberUid),
      idempotencyKey: `sched_${ctx.randomId()}`,
      memberId: row.memberId,
      cardId,
      amount: row.amount,
      taxFreeAmount: row.taxFreeAmount,
      orderName: row.orderName,
    };
    // Free to leave once this commits (only `beforeSend` stands between): the row is written
    // marked sent, so sent_at keeps its meaning (set: the request may have left; NULL: it never
    // did) after any crash.
    const attemptId = insertPeriodAttempt(db, { ...request, periodId, attemptNo, at });
    audit(ctx, SCHEDULER, 'charge.request', `charge_attempt:${attemptId}`, {
      memberId: row.memberId,
      cardId,
      amount: row.amount,
      taxFreeAmount: row.taxFreeAmount,
      orderName: row.orderName,
      subscriptionId: row.subscriptionId,
      periodId,
      periodIndex: row.periodIndex,
      attemptNo,
    });
    // The row as just written, without reading it back.
    const attempt: AttemptRow = {
      id: attemptId,
      ...request,
      requestId: null,
      status: 'PENDING',
      operatorId: null,
      createdAt: at,
      kind: attemptNo === 1 ? 'scheduled' : 'retry',
      sentAt: at,
      periodId,
    };
    return {
      kind: 'claimed',
      attempt,
      key,
      body: chargeBody(attempt, { name: row.memberName, email: row.memberEmail }),
    };
  }

  async function start(
    periodId: number,
    attemptNo: number,
    { beforeSend, onAnswered, onRateLimited, writeLazily }: Omit<ChargePeriodInput, 'periodId' | 'attemptNo'>,
  ): Promise<ScheduledChargeResult> {
    const at = ctx.now().getTime();
    const write = writeLazily ? group.runAtPause : group.run;
    let claimed: ReturnType<typeof claim>;
    try {
      claimed = await write(() => claim(periodId, attemptNo, at));
    } catch (error) {
      if (error instanceof PeriodMoved) {
        // Moved by another connection that wrote this very try: that one is the answer.
        const winner = periodAttemptId(db, periodId, attemptNo);
        if (winner !== undefined) return existing(winner);
        return refuse(
          'PERIOD_NOT_CHARGEABLE',
          `구독 기간(번호 ${periodId})의 상태가 방금 바뀌어 결제하지 않았습니다.`,
        );
      }
      throw error;
    }
    if (claimed.kind === 'written') return existing(claimed.attemptId);
    if (claimed.kind !== 'claimed') return claimed;
    const { attempt, key, body } = claimed;
    // Registered before the first await, so a repeated call and the reconciler see it in flight.
    const charge = await inFlight.run(attempt.id, async () => {
      if (beforeSend) await beforeSend();
      return send(attempt, key, body, onAnswered, onRateLimited);
    });
    return { kind: 'charge', charge, repeated: false };
  }

  async function send(
    attempt: AttemptRow,
    key: BillingKeyRef,
    body: ChargeBillingKeyRequest,
    onAnswered: ChargePeriodInput['onAnswered'],
    onRateLimited: ChargePeriodInput['onRateLimited'],
  ): Promise<ChargeView> {
    ctx.log.info('scheduled charge sent', {
      chargeId: attempt.id,
      orderId: attempt.orderId,
      amount: attempt.amount,
    });
    let outcome = await sendCharge(ctx, attempt, { key, body });
    while (outcome.status === 'UNKNOWN' && outcome.slowDown && onRateLimited) {
      if (!(await onRateLimited(outcome.slowDown))) break;
      ctx.log.info('scheduled charge sent again after a rate limit', { chargeId: attempt.id });
      outcome = await sendCharge(ctx, attempt, { key, body });
    }
    onAnswered?.({ status: outcome.status, code: outcome.status === 'DONE' ? null : outcome.code });
    return recordChargeOutcomeGrouped(ctx, group, attempt.id, outcome, SCHEDULER, 'charge');
  }

  return {
    async chargePeriod(input) {
      const attemptNo = input.attemptNo ?? 1;
      if (!Number.isSafeInteger(input.periodId) || input.periodId < 1) {
        throw new BillingError('INVALID_INPUT', '구독 기간 번호가 올바르지 않습니다.');
      }
      if (!Number.isSafeInteger(attemptNo) || attemptNo < 1) {
        throw new BillingError('INVALID_INPUT', '결제 시도 번호는 1 이상의 정수여야 합니다.');
      }
      try {
        return await start(input.periodId, attemptNo, input);
      } catch (error) {
        // Another connection (a second process, a restarted one) can still race on the same try;
        // the unique indexes let one attempt in, and the loser returns the winner's.
        if (isUniqueViolation(error)) {
          const winner = periodAttemptId(db, input.periodId, attemptNo);
          if (winner !== undefined) return existing(winner);
        }
        throw error;
      }
    },
  };
}
