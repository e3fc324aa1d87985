import { appendAudit } from '../audit/index.ts';
import { SYSTEM_OPERATOR_PIN_HASH } from '../billing/index.ts';
import type { Ledger } from '../ledger/index.ts';
import { hashPin, PIN_PATTERN, verifyPin } from './pin-hash.ts';
import { StaffError } from './staff-error.ts';

export type Role = 'owner' | 'manager' | 'staff';

export interface Operator {
  readonly id: number;
  readonly name: string;
  readonly role: Role;
}

export interface OperatorService {
  /** People who can sign in (system operators such as the CLI are not listed). */
  list(): Operator[];
  /** True until the first person has been created: the first run asks for the owner. */
  needsOwner(): boolean;
  /** The first run's owner; refused once any person exists. */
  createOwner(input: { name: string; pin: string }): Promise<Operator>;
  /**
   * Checks the PIN. Five wrong PINs in a row lock the operator, for longer after each further
   * wrong one; the lock holds even for the right PIN, so guessing cannot go faster than the lock.
   */
  signIn(input: { operatorId: number; pin: string }): Promise<Operator>;
}

export const FAILURES_BEFORE_LOCK = 5;
const FIRST_LOCK_MS = 30_000;
const MAX_LOCK_MS = 60 * 60_000;

interface OperatorRow extends Operator {
  readonly pinHash: string;
  readonly failedAttempts: number;
  readonly lockedUntil: number | null;
}

const PEOPLE = `active = 1 AND pin_hash <> '${SYSTEM_OPERATOR_PIN_HASH}'`;

/** The lock after `failures` wrong PINs in a row: none below five, then 30 s doubling up to an hour. */
export function lockDurationMs(failures: number): number {
  if (failures < FAILURES_BEFORE_LOCK) return 0;
  return Math.min(MAX_LOCK_MS, FIRST_LOCK_MS * 2 ** (failures - FAILURES_BEFORE_LOCK));
}

export function createOperatorService(ledger: Ledger, now: () => Date): OperatorService {
  const db = ledger.db;

  function row(operatorId: number): OperatorRow | undefined {
    return db
      .prepare(
        `SELECT id, name, role, pin_hash AS pinHash, failed_attempts AS failedAttempts,
           locked_until AS lockedUntil
         FROM operators WHERE id = ? AND ${PEOPLE}`,
      )
      .get(operatorId) as OperatorRow | undefined;
  }

  function audit(operator: Operator, action: string, details: Record<string, string | number>): void {
    appendAudit(
      db,
      { actor: operator.name, operatorId: operator.id, action, subject: `operator:${operator.id}`, details },
      now,
    );
  }

  const service: OperatorService = {
    list() {
      return db
        .prepare(`SELECT id, name, role FROM operators WHERE ${PEOPLE} ORDER BY name`)
        .all() as Operator[];
    },
    needsOwner() {
      return db.prepare(`SELECT 1 FROM operators WHERE ${PEOPLE} LIMIT 1`).get() === undefined;
    },
    async createOwner({ name, pin }) {
      const trimmed = name.trim();
      if (trimmed.length < 1 || trimmed.length > 50) {
        throw new StaffError('NAME_INVALID', '이름은 1~50자로 입력해 주세요.');
      }
      if (!PIN_PATTERN.test(pin)) throw new StaffError('PIN_INVALID', 'PIN은 숫자 4~6자리로 입력해 주세요.');
      const pinHash = await hashPin(pin);
      return db.transaction(() => {
        if (!service.needsOwner()) {
          throw new StaffError('OWNER_EXISTS', '대표(owner) 계정이 이미 있습니다. 로그인해 주세요.');
        }
        if (db.prepare('SELECT 1 FROM operators WHERE name = ? AND active = 1').get(trimmed)) {
          throw new StaffError('OPERATOR_NAME_TAKEN', `'${trimmed}'은(는) 이미 쓰이고 있는 이름입니다.`);
        }
        const id = Number(
          db
            .prepare("INSERT INTO operators (name, role, pin_hash, created_at) VALUES (?, 'owner', ?, ?)")
            .run(trimmed, pinHash, now().getTime()).lastInsertRowid,
        );
        const owner: Operator = { id, name: trimmed, role: 'owner' };
        audit(owner, 'operator.create', { name: trimmed, role: 'owner' });
        return owner;
      })();
    },
    async signIn({ operatorId, pin }) {
      const found = row(operatorId);
      if (!found)
        throw new StaffError('OPERATOR_NOT_FOUND', '직원을 찾을 수 없습니다. 목록에서 다시 고르세요.');
      const at = now().getTime();
      if (found.lockedUntil !== null && found.lockedUntil > at) {
        throw lockedError(found.lockedUntil - at);
      }
      const operator: Operator = { id: found.id, name: found.name, role: found.role };
      if (PIN_PATTERN.test(pin) && (await verifyPin(pin, found.pinHash))) {
        db.transaction(() => {
          db.prepare('UPDATE operators SET failed_attempts = 0, locked_until = NULL WHERE id = ?').run(
            found.id,
          );
          audit(operator, 'operator.sign_in', {});
        })();
        return operator;
      }
      // Counted in SQL, not from the row read before the slow hash: two guesses at once both count.
      const failures = db.transaction(() => {
        const count = db
          .prepare(
            'UPDATE operators SET failed_attempts = failed_attempts + 1 WHERE id = ? RETURNING failed_attempts',
          )
          .pluck()
          .get(found.id) as number;
        const lockMs = lockDurationMs(count);
        if (lockMs > 0)
          db.prepare('UPDATE operators SET locked_until = ? WHERE id = ?').run(at + lockMs, found.id);
        audit(operator, 'operator.sign_in_failed', { failures: count });
        return count;
      })();
      const lockMs = lockDurationMs(failures);
      if (lockMs > 0) throw lockedError(lockMs);
      throw new StaffError(
        'WRONG_PIN',
        `PIN이 맞지 않습니다. ${FAILURES_BEFORE_LOCK - failures}번 더 틀리면 잠시 잠깁니다.`,
      );
    },
  };
  return service;
}

function lockedError(remainingMs: number): StaffError {
  const seconds = Math.ceil(remainingMs / 1_000);
  const wait = seconds >= 60 ? `${Math.ceil(seconds / 60)}분` : `${seconds}초`;
  return new StaffError('OPERATOR_LOCKED', `PIN을 여러 번 틀려 잠겼습니다. ${wait} 뒤에 다시 시도하세요.`);
}
