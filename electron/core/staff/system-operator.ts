import { appendAudit } from '../audit/index.ts';
import type { Ledger } from '../ledger/index.ts';
import { StaffError } from './staff-error.ts';

/**
 * The pin_hash of a system operator. People's PIN hashes (pin-hash.ts) are `scrypt-hmac$…` strings
 * and verifyPin accepts nothing else; this marker starts with '!', which no hash scheme writes, so
 * no PIN can ever match it and nobody can sign in as this operator. The staff screen lists people
 * only: operators with this marker are left out (operators.ts).
 */
export const SYSTEM_OPERATOR_PIN_HASH = '!system-operator:no-pin';

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
  const trimmed = name.trim();
  if (trimmed.length < 1 || trimmed.length > 50) {
    throw new StaffError('NAME_INVALID', '직원 이름은 1~50자여야 합니다.');
  }
  const db = ledger.db;
  return db.transaction(() => {
    const existing = db
      .prepare('SELECT id, pin_hash AS pinHash FROM operators WHERE name = ? AND active = 1')
      .get(trimmed) as { id: number; pinHash: string } | undefined;
    if (existing) {
      if (existing.pinHash === SYSTEM_OPERATOR_PIN_HASH) return existing.id;
      throw new StaffError('OPERATOR_NAME_TAKEN', `'${trimmed}'은(는) 이미 직원 이름으로 쓰이고 있습니다.`);
    }
    const at = now().getTime();
    const id = Number(
      db
        .prepare("INSERT INTO operators (name, role, pin_hash, created_at) VALUES (?, 'owner', ?, ?)")
        .run(trimmed, SYSTEM_OPERATOR_PIN_HASH, at).lastInsertRowid,
    );
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
