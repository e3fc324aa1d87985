import { randomBytes, scrypt } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { verifyAudit } from '../../electron/core/audit/index.ts';
import { deriveLedgerKey } from '../../electron/core/secrets/index.ts';
import {
  createOperatorService,
  ensureSystemOperator,
  FAILURES_BEFORE_LOCK,
  hashPin,
  keyStoredPinHash,
  keyStoredPinHashes,
  lockDurationMs,
  StaffError,
  verifyPin,
} from '../../electron/core/staff/index.ts';
import { tempLedgers } from '../ledger/temp-ledger.ts';
import { unkeyedPinHash } from './unkeyed-pin.ts';

const temp = tempLedgers();
/** What openDesk derives from the data key in the keychain. */
const pinKey = deriveLedgerKey(randomBytes(32), 'pin-hash');

async function staffDesk() {
  const ledger = await temp.ledger();
  const clock = { now: Date.UTC(2026, 10, 29, 1, 0, 0) };
  const operators = createOperatorService(ledger, () => new Date(clock.now), pinKey);
  return { ledger, clock, operators };
}

async function refusal(promise: Promise<unknown>): Promise<StaffError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(StaffError);
  return error as StaffError;
}

describe('PIN hashes', () => {
  it('are salted scrypt hashes that verify only the right PIN', async () => {
    const [a, b] = await Promise.all([hashPin('1234', pinKey), hashPin('1234', pinKey)]);
    expect(a).toMatch(/^scrypt-hmac\$32768\$8\$1\$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain('1234');
    expect(await verifyPin('1234', a, pinKey)).toBe(true);
    expect(await verifyPin('1235', a, pinKey)).toBe(false);
  });

  it('cannot be guessed from the ledger alone: the scrypt output is keyed with the pin key', async () => {
    const stored = await hashPin('482913', pinKey);
    const [, n, r, p, salt, hash] = stored.split('$');
    // What an offline guesser holding a copy of the ledger computes for the right PIN.
    const guess = await new Promise<Buffer>((resolve, reject) =>
      scrypt(
        '482913',
        Buffer.from(salt ?? '', 'base64'),
        32,
        { N: Number(n), r: Number(r), p: Number(p), maxmem: 64 * 1024 * 1024 },
        (error, key) => (error ? reject(error) : resolve(key)),
      ),
    );
    expect(guess.toString('base64')).not.toBe(hash);
    // Nor does the hash verify under another ledger's key.
    expect(await verifyPin('482913', stored, deriveLedgerKey(randomBytes(32), 'pin-hash'))).toBe(false);
  });

  it('never match a system operator marker, a malformed hash or one from before the key', async () => {
    expect(await verifyPin('1234', '!system-operator:no-pin', pinKey)).toBe(false);
    expect(await verifyPin('1234', 'scrypt$1$1$1$AAAA$AAAA', pinKey)).toBe(false);
    expect(await verifyPin('1234', 'plain', pinKey)).toBe(false);
    const old = await unkeyedPinHash('1234');
    expect(await verifyPin('1234', old, pinKey)).toBe(false);
    // Wrapped, it is exactly what hashing the PIN anew gives: the PIN works again.
    const wrapped = keyStoredPinHash(old, pinKey) ?? '';
    expect(wrapped).toMatch(/^scrypt-hmac\$16384\$8\$1\$/);
    expect(await verifyPin('1234', wrapped, pinKey)).toBe(true);
    expect(await verifyPin('1243', wrapped, pinKey)).toBe(false);
    expect(keyStoredPinHash(wrapped, pinKey)).toBeNull();
    expect(keyStoredPinHash('!system-operator:no-pin', pinKey)).toBeNull();
  });

  it('of a ledger from before the key are wrapped in place, audited, and every PIN keeps working', async () => {
    const ledger = await temp.ledger();
    const insert = ledger.db.prepare(
      "INSERT INTO operators (name, role, pin_hash, created_at) VALUES (?, 'owner', ?, 1)",
    );
    const ownerId = Number(insert.run('김대표', await unkeyedPinHash('482913')).lastInsertRowid);
    const cli = ensureSystemOperator(ledger, 'CLI');
    const now = () => new Date(Date.UTC(2026, 10, 29, 1));
    expect(keyStoredPinHashes(ledger, pinKey, now)).toBe(1);
    expect(keyStoredPinHashes(ledger, pinKey, now)).toBe(0);
    const hashes = ledger.db.prepare('SELECT id, pin_hash FROM operators ORDER BY id').all();
    expect(hashes).toEqual([
      { id: ownerId, pin_hash: expect.stringMatching(/^scrypt-hmac\$/) },
      { id: cli, pin_hash: '!system-operator:no-pin' },
    ]);
    expect(
      ledger.db
        .prepare("SELECT details FROM audit_log WHERE action = 'operator.pin_hashes_keyed'")
        .pluck()
        .all(),
    ).toEqual(['{"count":1}']);
    const operators = createOperatorService(ledger, now, pinKey);
    expect(await operators.signIn({ operatorId: ownerId, pin: '482913' })).toMatchObject({ name: '김대표' });
  });
});

describe('operators', () => {
  it('creates the owner once, on the first run, and lists people only', async () => {
    const { ledger, operators } = await staffDesk();
    ensureSystemOperator(ledger, 'CLI');
    expect(operators.needsOwner()).toBe(true);
    expect(operators.list()).toEqual([]);

    const owner = await operators.createOwner({ name: ' 김대표 ', pin: '482913' });
    expect(owner).toMatchObject({ name: '김대표', role: 'owner' });
    expect(operators.needsOwner()).toBe(false);
    expect(operators.list()).toEqual([owner]);

    const second = await refusal(operators.createOwner({ name: '누군가', pin: '582916' }));
    expect(second.code).toBe('OWNER_EXISTS');
    const stored = ledger.db.prepare('SELECT pin_hash FROM operators WHERE id = ?').pluck().get(owner.id);
    expect(stored).not.toContain('482913');
    expect(verifyAudit(ledger.db).ok).toBe(true);
  });

  it('refuses easy PINs for managers and owners, not for staff', async () => {
    const { operators } = await staffDesk();
    for (const [pin, why] of [
      ['0000', '같은 숫자를 반복한 PIN'],
      ['111111', '같은 숫자를 반복한 PIN'],
      ['1234', '연속된 숫자로 된 PIN'],
      ['987654', '연속된 숫자로 된 PIN'],
      ['7890', '연속된 숫자로 된 PIN'],
      ['0315', '생일이나 연도처럼 보이는 PIN'],
      ['1988', '생일이나 연도처럼 보이는 PIN'],
      ['900315', '생일이나 연도처럼 보이는 PIN'],
    ] as const) {
      const error = await refusal(operators.createOwner({ name: '대표', pin }));
      expect([pin, error.code, error.message]).toEqual([
        pin,
        'PIN_WEAK',
        `${why}은 매니저와 대표에게 쓸 수 없습니다. 다른 사람이 짐작하기 어려운 숫자로 정해 주세요.`,
      ]);
    }
    const owner = await operators.createOwner({ name: '대표', pin: '4821' });
    expect(
      (await refusal(operators.create({ name: '매니저', role: 'manager', pin: '1234' }, owner))).code,
    ).toBe('PIN_WEAK');
    const manager = await operators.create({ name: '매니저', role: 'manager', pin: '582916' }, owner);
    expect((await refusal(operators.resetPin({ id: manager.id, pin: '0101' }, owner))).code).toBe('PIN_WEAK');
    // A staff PIN approves nothing, and staff are bounded by caps: an easy one is their choice.
    const staff = await operators.create({ name: '직원', role: 'staff', pin: '1234' }, owner);
    expect(await operators.resetPin({ id: staff.id, pin: '0000' }, owner)).toMatchObject({ role: 'staff' });
  });

  it('gives new staff the default per-charge cap unless the owner sets another or none', async () => {
    const { operators } = await staffDesk();
    const owner = await operators.createOwner({ name: '대표', pin: '4821' });
    const create = (name: string, extra: object) =>
      operators.create({ name, role: 'staff', pin: '7315', ...extra }, owner);
    expect(await create('기본', {})).toMatchObject({ perChargeCap: 100_000, dailyCap: null });
    expect(await create('작은 하루', { dailyCap: 50_000 })).toMatchObject({
      perChargeCap: 50_000,
      dailyCap: 50_000,
    });
    expect(await create('직접', { perChargeCap: 30_000 })).toMatchObject({ perChargeCap: 30_000 });
    expect(await create('없음', { perChargeCap: null })).toMatchObject({ perChargeCap: null });
    expect(await operators.create({ name: '매니저', role: 'manager', pin: '582916' }, owner)).toMatchObject({
      perChargeCap: null,
    });
  });

  it('refuses a PIN that is not 4 to 6 digits and an empty name, in Korean', async () => {
    const { operators } = await staffDesk();
    for (const pin of ['123', '1234567', '12a4', '']) {
      const error = await refusal(operators.createOwner({ name: '대표', pin }));
      expect(error.code).toBe('PIN_INVALID');
      expect(error.message).toContain('숫자 4~6자리');
    }
    expect((await refusal(operators.createOwner({ name: '  ', pin: '1234' }))).code).toBe('NAME_INVALID');
  });

  it('signs in with the right PIN and refuses a wrong one, counting down to the lock', async () => {
    const { operators } = await staffDesk();
    const owner = await operators.createOwner({ name: '대표', pin: '2580' });
    expect(await operators.signIn({ operatorId: owner.id, pin: '2580' })).toEqual(owner);
    const wrong = await refusal(operators.signIn({ operatorId: owner.id, pin: '0000' }));
    expect(wrong.code).toBe('WRONG_PIN');
    expect(wrong.message).toContain(`${FAILURES_BEFORE_LOCK - 1}번`);
    expect((await refusal(operators.signIn({ operatorId: 999, pin: '2580' }))).code).toBe(
      'OPERATOR_NOT_FOUND',
    );
  });

  it('locks after five wrong PINs, even against the right one, for longer each time', async () => {
    const { operators, clock } = await staffDesk();
    const owner = await operators.createOwner({ name: '대표', pin: '2580' });
    for (let i = 1; i < FAILURES_BEFORE_LOCK; i++) {
      expect((await refusal(operators.signIn({ operatorId: owner.id, pin: '1111' }))).code).toBe('WRONG_PIN');
    }
    const locked = await refusal(operators.signIn({ operatorId: owner.id, pin: '1111' }));
    expect(locked.code).toBe('OPERATOR_LOCKED');
    expect(locked.message).toContain('30초');
    expect((await refusal(operators.signIn({ operatorId: owner.id, pin: '2580' }))).code).toBe(
      'OPERATOR_LOCKED',
    );

    clock.now += lockDurationMs(FAILURES_BEFORE_LOCK);
    const again = await refusal(operators.signIn({ operatorId: owner.id, pin: '1111' }));
    expect(again.code).toBe('OPERATOR_LOCKED');
    expect(again.message).toContain('1분');

    clock.now += lockDurationMs(FAILURES_BEFORE_LOCK + 1);
    expect(await operators.signIn({ operatorId: owner.id, pin: '2580' })).toEqual(owner);
    // A success starts the count again.
    expect((await refusal(operators.signIn({ operatorId: owner.id, pin: '1111' }))).code).toBe('WRONG_PIN');
  });

  it("keeps an operator's wrong-PIN count through another operator's sign-in and approval", async () => {
    const { operators, ledger } = await staffDesk();
    const owner = await operators.createOwner({ name: '대표', pin: '2580' });
    const manager = await operators.create({ name: '매니저', role: 'manager', pin: '9753' }, owner);
    for (let i = 1; i < FAILURES_BEFORE_LOCK; i++) {
      expect((await refusal(operators.signIn({ operatorId: owner.id, pin: '1111' }))).code).toBe('WRONG_PIN');
    }
    expect(await operators.signIn({ operatorId: manager.id, pin: '9753' })).toMatchObject({ id: manager.id });
    expect(await operators.approve({ operatorId: manager.id, pin: '9753' })).toMatchObject({
      id: manager.id,
    });
    const failures = () =>
      ledger.db.prepare('SELECT failed_attempts FROM operators WHERE id = ?').pluck().get(owner.id);
    expect(failures()).toBe(FAILURES_BEFORE_LOCK - 1);
    expect((await refusal(operators.signIn({ operatorId: owner.id, pin: '1111' }))).code).toBe(
      'OPERATOR_LOCKED',
    );
  });

  it('grows the lock from 30 s by doubling, up to an hour', () => {
    expect(lockDurationMs(FAILURES_BEFORE_LOCK - 1)).toBe(0);
    expect(lockDurationMs(FAILURES_BEFORE_LOCK)).toBe(30_000);
    expect(lockDurationMs(FAILURES_BEFORE_LOCK + 2)).toBe(120_000);
    expect(lockDurationMs(FAILURES_BEFORE_LOCK + 30)).toBe(3_600_000);
  });
});
