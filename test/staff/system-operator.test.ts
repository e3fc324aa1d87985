import { expect, it } from 'vitest';
import { SYSTEM_OPERATOR_PIN_HASH } from '../../electron/core/ledger/index.ts';
import { ensureSystemOperator, StaffError } from '../../electron/core/staff/index.ts';
import { tempLedgers } from '../ledger/temp-ledger.ts';

const temp = tempLedgers();

function refusal(call: () => unknown): StaffError {
  try {
    call();
  } catch (error) {
    expect(error).toBeInstanceOf(StaffError);
    return error as StaffError;
  }
  throw new Error('expected a StaffError');
}

it('creates an owner operator once, whose PIN hash no PIN can match, and audits it', async () => {
  const ledger = await temp.ledger();
  const id = ensureSystemOperator(ledger, 'CLI');
  expect(ensureSystemOperator(ledger, ' CLI ')).toBe(id);
  expect(ensureSystemOperator(ledger, 'scheduler')).not.toBe(id);
  const row = ledger.db
    .prepare('SELECT name, role, pin_hash AS pinHash, active FROM operators WHERE id = ?')
    .get(id);
  expect(row).toEqual({ name: 'CLI', role: 'owner', pinHash: SYSTEM_OPERATOR_PIN_HASH, active: 1 });
  // Not the shape of a PIN hash (scrypt parameters, salt and hash), so no PIN can match it.
  expect(SYSTEM_OPERATOR_PIN_HASH).toBe('!system-operator:no-pin');
  expect(
    ledger.db.prepare('SELECT action FROM audit_log WHERE subject = ?').pluck().all(`operator:${id}`),
  ).toEqual(['operator.system_create']);
});

it('does not borrow a person operator of the same name', async () => {
  const ledger = await temp.ledger();
  ledger.db
    .prepare(
      "INSERT INTO operators (name, role, pin_hash, created_at) VALUES ('CLI', 'staff', 'scrypt$salt$hash0123', 0)",
    )
    .run();
  expect(refusal(() => ensureSystemOperator(ledger, 'CLI')).code).toBe('OPERATOR_NAME_TAKEN');
});

it('refuses a blank or overlong name with staff’s own error', async () => {
  const ledger = await temp.ledger();
  expect(refusal(() => ensureSystemOperator(ledger, '  ')).code).toBe('NAME_INVALID');
  expect(refusal(() => ensureSystemOperator(ledger, 'x'.repeat(51))).code).toBe('NAME_INVALID');
  expect(ledger.db.prepare('SELECT count(*) FROM operators').pluck().get()).toBe(0);
});
