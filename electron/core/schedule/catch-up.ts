import { REASON_MAX } from '../../../shared/rules/index.ts';
import { type Actor, audit, type BillingContext, checkOperator } from '../billing/index.ts';
import {
  type CatchUpPeriod,
  type CatchUpPeriodRow,
  catchUpPeriods,
  findCatchUpPeriod,
  type Ledger,
  moveAwaitingPeriod,
} from '../ledger/index.ts';
import { trialConsentMissing } from './consent-records.ts';
import { createSubscriptionService } from './subscriptions.ts';

/** Stable codes of CatchUpError: callers branch on these, people read the Korean message. */
export type CatchUpErrorCode =
  | 'PERIOD_NOT_FOUND'
  /** The period is not (or no longer) in the confirm catch-up queue. */
  | 'NOT_AWAITING_CONFIRMATION'
  /** Approving would only leave a period the runner refuses to charge: skip it instead. */
  | 'SUBSCRIPTION_NOT_ACTIVE'
  /** A trial's first paid period waits for the member's consent, not for a manager (consents.ts). */
  | 'CONSENT_REQUIRED'
  | 'REASON_REQUIRED';

export class CatchUpError extends Error {
  override readonly name = 'CatchUpError';
  readonly code: CatchUpErrorCode;

  constructor(code: CatchUpErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}

/** One period in the confirm catch-up queue: missed while the app was closed, older than the threshold. */
export type CatchUpEntry = CatchUpPeriod;

export interface CatchUpDecisionInput extends Actor {
  readonly periodId: number;
}

export interface SkipCatchUpInput extends CatchUpDecisionInput {
  /** Why the period is not charged (kept in the audit row); 1 to 200 characters. */
  readonly reason: string;
}

/** What a decision leaves: the period's id and its new status. */
export interface CatchUpDecision {
  readonly periodId: number;
  readonly subscriptionId: number;
  readonly status: 'pending' | 'skipped';
}

export interface CatchUpService {
  list(): CatchUpEntry[];
  /**
   * awaiting_confirmation → pending, audited with who approved it, in one transaction. Nothing is
   * sent here: the next runDue charges the period through the usual path (one attempt per period).
   */
  approve(input: CatchUpDecisionInput): CatchUpDecision;
  /** awaiting_confirmation → skipped, audited with the reason; the period is never charged. */
  skip(input: SkipCatchUpInput): CatchUpDecision;
}

const MAX_REASON_LENGTH = REASON_MAX;

/** The confirm catch-up queue, oldest due first. Reads the ledger only. */
export function catchUpQueue(ledger: Ledger): CatchUpEntry[] {
  return catchUpPeriods(ledger.db).map(({ status: _status, hold: _hold, ...entry }) => entry);
}

export function createCatchUpService(ctx: BillingContext): CatchUpService {
  const db = ctx.ledger.db;
  const subscriptions = createSubscriptionService(ctx);

  /** Read inside the decision's transaction, so a second decision on the same period is refused. */
  function awaiting(periodId: number): CatchUpPeriodRow {
    const row = findCatchUpPeriod(db, periodId);
    if (!row) throw new CatchUpError('PERIOD_NOT_FOUND', `구독 기간(번호 ${periodId})을 찾을 수 없습니다.`);
    if (row.status !== 'awaiting_confirmation') {
      throw new CatchUpError(
        'NOT_AWAITING_CONFIRMATION',
        `구독 기간(번호 ${periodId})은 확인 대기 중이 아니라 처리할 수 없습니다 (현재 상태: ${row.status}).`,
      );
    }
    return row;
  }

  function move(periodId: number, to: 'pending' | 'skipped'): void {
    moveAwaitingPeriod(db, periodId, to, ctx.now().getTime());
  }

  return {
    list: () => catchUpQueue(ctx.ledger),

    approve(input) {
      checkOperator(ctx, input.operatorId);
      return db.transaction(() => {
        const row = awaiting(input.periodId);
        // Held for consent, or a trial's paid period written by another path (a resume) without it.
        if (row.hold === 'consent' || trialConsentMissing(ctx, subscriptions.get(row.subscriptionId))) {
          throw new CatchUpError(
            'CONSENT_REQUIRED',
            `구독(번호 ${row.subscriptionId})의 첫 유료 결제는 회원의 유료 전환 동의를 기록해야 결제됩니다.`,
          );
        }
        if (row.subscriptionStatus !== 'active') {
          throw new CatchUpError(
            'SUBSCRIPTION_NOT_ACTIVE',
            `구독(번호 ${row.subscriptionId})이 이용 중이 아니라 승인할 수 없습니다 (현재 상태: ${row.subscriptionStatus}). 건너뛰기로 처리해 주세요.`,
          );
        }
        move(row.periodId, 'pending');
        audit(ctx, input, 'catch_up.approve', `subscription_period:${row.periodId}`, {
          subscriptionId: row.subscriptionId,
          periodIndex: row.periodIndex,
          amount: row.amount,
          dueAt: row.dueAt,
        });
        return { periodId: row.periodId, subscriptionId: row.subscriptionId, status: 'pending' as const };
      })();
    },

    skip(input) {
      const reason = typeof input.reason === 'string' ? input.reason.trim() : '';
      if (reason === '' || reason.length > MAX_REASON_LENGTH) {
        throw new CatchUpError(
          'REASON_REQUIRED',
          `건너뛰는 사유를 1자 이상 ${MAX_REASON_LENGTH}자 이하로 입력해 주세요.`,
        );
      }
      checkOperator(ctx, input.operatorId);
      return db.transaction(() => {
        const row = awaiting(input.periodId);
        move(row.periodId, 'skipped');
        audit(ctx, input, 'catch_up.skip', `subscription_period:${row.periodId}`, {
          subscriptionId: row.subscriptionId,
          periodIndex: row.periodIndex,
          amount: row.amount,
          dueAt: row.dueAt,
          reason,
        });
        return { periodId: row.periodId, subscriptionId: row.subscriptionId, status: 'skipped' as const };
      })();
    },
  };
}
