import { appendAudit } from '../audit/index.ts';
import {
  activeOperatorNamed,
  insertOperator,
  type Ledger,
  SYSTEM_OPERATOR_PIN_HASH,
} from '../ledger/index.ts';
import { checkOperatorName } from './operators.ts';
import { StaffError } from './staff-error.ts';

/**
 * Returns the id of the active owner-role operator called `name` that stands for a non-human
 * actor, creating it the first time: what the CLI (no one signs in there) and the Toss catch-up
 * after a restore record as the operator of what they do, since refunds.operator_id is NOT NULL.
 * The creation is audited. An active operator of that name that is a person (a PIN hash) is
 * refused rather than borrowed.
 */
export function ensureSystemOperator(
  ledger: Ledger,
  name: string,
  now: () => Date = () => new Date(),
): number {
  const trimmed = checkOperatorName(name);
  const db = ledger.db;
  return db.transaction(() => {
    const existing = activeOperatorNamed(db, trimmed);
    if (existing) {
      if (existing.pinHash === SYSTEM_OPERATOR_PIN_HASH) return existing.id;
      throw new StaffError('OPERATOR_NAME_TAKEN', `'${trimmed}'은(는) 이미 직원 이름으로 쓰이고 있습니다.`);
    }
    // No PIN hash, so no one can sign in as it (ledger/operators.ts's SYSTEM_OPERATOR_PIN_HASH).
    const id = insertOperator(db, {
      name: trimmed,
      role: 'owner',
      pinHash: SYSTEM_OPERATOR_PIN_HASH,
      perChargeCap: null,
      dailyCap: null,
      createdAt: now().getTime(),
    });
    appendAudit(
      db,
      {
        actor: trimmed,
        operatorId: id,
        action: 'operator.system_create',
        subject: `operator:${id}`,
        details: { name: trimmed, role: 'owner' },
      },
      now,
    );
    return id;
  })();
}
