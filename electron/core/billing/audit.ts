import type { Role } from '../../../shared/ipc/index.ts';
import { appendAudit, type JsonObject } from '../audit/index.ts';
import { activeOperatorRole, operatorActive } from '../ledger/index.ts';
import { BillingError } from './billing-error.ts';
import type { BillingContext } from './deps.ts';

/** Who asks for a change: the audit row's actor and, when staff are signed in, their operator id. */
export interface Actor {
  /** As people will read it later: an operator's name, 'cli', 'reconciler'… Default: the deps' actor. */
  readonly actor?: string;
  readonly operatorId?: number | null;
}

/**
 * Appends the audit row of a change (invariant 8). Call it inside the transaction that makes the
 * change, so the two commit together. Details hold amounts, codes and ids, never card data or keys.
 */
export function audit(
  ctx: BillingContext,
  who: Actor,
  action: string,
  subject: string,
  details: JsonObject,
): void {
  appendAudit(
    ctx.ledger.db,
    { actor: who.actor ?? ctx.actor, operatorId: who.operatorId ?? null, action, subject, details },
    ctx.now,
  );
}

/** Refuses an operator id that names no active operator (the row's foreign key would, less clearly). */
export function checkOperator(ctx: BillingContext, operatorId: number | null | undefined): void {
  if (operatorId === undefined || operatorId === null) return;
  if (!operatorActive(ctx.ledger.db, operatorId)) {
    throw new BillingError(
      'OPERATOR_NOT_FOUND',
      `직원(번호 ${operatorId})을 찾을 수 없거나 사용이 중지되었습니다.`,
    );
  }
}

/** The role of an active operator, or null for a caller that names none (the system, a test). */
export function operatorRole(ctx: BillingContext, operatorId: number | null | undefined): Role | null {
  if (operatorId === undefined || operatorId === null) return null;
  return activeOperatorRole(ctx.ledger.db, operatorId) ?? null;
}
