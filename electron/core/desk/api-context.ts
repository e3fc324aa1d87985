import { appendAudit, type JsonObject } from '../audit/index.ts';
import { type Actor, tossClientKeyStatus } from '../billing/index.ts';
import { readSetting } from '../ledger/index.ts';
import { storeTimeZone } from '../schedule/index.ts';
import {
  capMessage,
  chargeCapExceeded,
  type Operator,
  refundApprovalMessage,
  StaffError,
} from '../staff/index.ts';
import type { DeskApiDeps, Session } from './desk-api.ts';
import { IDLE_LOCK_MINUTES, KEY_IN_ENABLED } from './settings.ts';

/** What the handler groups share: the open desk, the deps, and the checks every group makes alike. */
export type ApiContext = ReturnType<typeof createApiContext>;

/** Money-moving calls carry the signed-in operator (invariant 9); main has already required one. */
export function operatorOf(session: Session): Operator {
  if (!session.operator) throw new Error('a protected channel ran without a signed-in operator');
  return session.operator;
}

export function actorOf(session: Session): Required<Actor> {
  const operator = operatorOf(session);
  return { actor: operator.name, operatorId: operator.id };
}

/** The charge as the billing core takes it: the approver's PIN goes no further than the check. */
export function withoutApproval<T extends { approval?: unknown }>(request: T): Omit<T, 'approval'> {
  const { approval: _approval, ...rest } = request;
  return defined(rest);
}

/** Drops keys whose value is undefined: the core's optional inputs mean "absent", not "undefined". */
export function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

export function createApiContext(deps: DeskApiDeps) {
  const { host } = deps;
  const desk = () => host.desk();
  const billing = () => host.desk().billing();
  const statusChanged = () => deps.onStatusChanged?.();
  /** Settings changes are audited like money movements (invariant 8), in the open folder's ledger. */
  const auditSetting = (session: Session, action: string, details: JsonObject) =>
    appendAudit(desk().ledger.db, { ...actorOf(session), action, subject: 'settings', details }, deps.now);

  /**
   * Lets a charge over the signed-in operator's cap through only with a manager's PIN, audited
   * with both names (invariant 9: the limit is checked here in main, not in the screen). A
   * request id seen before is the same click again: it gets its first answer, not a new check.
   */
  async function authorizeAmount(
    session: Session,
    charge: {
      amount: number;
      requestId?: string | undefined;
      approval?: { operatorId: number; pin: string } | undefined;
    },
  ): Promise<void> {
    const operator = operatorOf(session);
    if (charge.requestId !== undefined && billing().charges.findByRequestId(charge.requestId)) return;
    const over = capExceeded(session, charge.amount);
    if (!over) return;
    if (!charge.approval) throw new StaffError('APPROVAL_REQUIRED', capMessage(over));
    await approveOnTheSpot(charge.approval, operator, 'charge.limit_approved', {
      amount: charge.amount,
      cap: over.cap,
      kind: over.kind,
      requestId: charge.requestId ?? null,
    });
  }

  /** Checks the approver's PIN and audits the approval under the approver's name. */
  async function approveOnTheSpot(
    approval: { operatorId: number; pin: string },
    operator: Operator,
    action: string,
    details: JsonObject,
  ): Promise<void> {
    const approver = await desk().operators.approve(approval);
    appendAudit(
      desk().ledger.db,
      { actor: approver.name, operatorId: approver.id, action, subject: `operator:${operator.id}`, details },
      deps.now,
    );
  }

  /**
   * Lets a staff operator's refund through only with a manager's PIN (the rule: staff's
   * refundApprovalMessage), audited with both names. A request id seen before is the same click
   * again: it gets its first answer from the refund service, not a new check.
   */
  async function authorizeRefund(
    session: Session,
    refund: {
      chargeId: number;
      amount?: number | undefined;
      requestId: string;
      approval?: { operatorId: number; pin: string } | undefined;
    },
  ): Promise<void> {
    const operator = operatorOf(session);
    const needed = refundApprovalMessage(operator.role);
    if (!needed) return;
    const seen = desk().ledger.db.prepare('SELECT 1 FROM refunds WHERE request_id = ?').get(refund.requestId);
    if (seen) return;
    if (!refund.approval) throw new StaffError('APPROVAL_REQUIRED', needed);
    await approveOnTheSpot(refund.approval, operator, 'refund.approved', {
      chargeId: refund.chargeId,
      amount: refund.amount ?? null,
      requestId: refund.requestId,
    });
  }

  function capExceeded(session: Session, amount: number) {
    const db = desk().ledger.db;
    return chargeCapExceeded(db, operatorOf(session).id, amount, deps.now(), storeTimeZone(db));
  }

  const secretKeyMode = async () => (await desk().secrets.tossSecretKeyStatus()).mode;
  async function appStatus(session: Session) {
    const keyStatus = await desk().secrets.tossSecretKeyStatus();
    return {
      version: deps.version,
      keyStatus,
      clientKeyStatus: tossClientKeyStatus(desk().ledger.db, keyStatus.mode),
      training: host.training(),
      operator: session.operator,
      needsOwner: desk().operators.needsOwner(),
      launchAtLogin: deps.launchAtLogin.get(),
      idleLockMinutes: readSetting(desk().ledger.db, IDLE_LOCK_MINUTES),
      keyInEnabled: readSetting(desk().ledger.db, KEY_IN_ENABLED),
      timeZone: storeTimeZone(desk().ledger.db),
    };
  }

  return {
    deps,
    host,
    desk,
    billing,
    statusChanged,
    auditSetting,
    authorizeAmount,
    authorizeRefund,
    capExceeded,
    secretKeyMode,
    appStatus,
  };
}
