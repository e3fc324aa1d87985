import type { KeyObject } from 'node:crypto';
import { type Role, roleSchema } from '../../../shared/ipc/index.ts';
import { DEFAULT_STAFF_PER_CHARGE_CAP } from '../../../shared/staff/index.ts';
import { appendAudit } from '../audit/index.ts';
import {
  activeOperatorNamed,
  anyActivePerson,
  clearPinFailures,
  countPinFailure,
  insertOperator,
  type Ledger,
  lockOperatorUntil,
  otherOwners,
  peopleOperators,
  resetOperatorPin,
  type StaffRow,
  signInRow,
  staffRow,
  staffRows,
  updateOperatorAccess,
} from '../ledger/index.ts';
import { hashPin, PIN_PATTERN, verifyPin } from './pin-hash.ts';
import { StaffError } from './staff-error.ts';
import { weakPinReason } from './weak-pin.ts';

export type { Role };

export interface Operator {
  readonly id: number;
  readonly name: string;
  readonly role: Role;
}

/** What the owner sees and edits on the staff screen. Caps are in won; null means no cap. */
export interface StaffMember extends Operator {
  readonly perChargeCap: number | null;
  readonly dailyCap: number | null;
  readonly active: boolean;
  readonly locked: boolean;
}

export interface CreateOperatorInput {
  readonly name: string;
  readonly role: Role;
  readonly pin: string;
  readonly perChargeCap?: number | null | undefined;
  readonly dailyCap?: number | null | undefined;
}

export interface UpdateOperatorInput {
  readonly id: number;
  readonly role?: Role | undefined;
  readonly perChargeCap?: number | null | undefined;
  readonly dailyCap?: number | null | undefined;
  readonly active?: boolean | undefined;
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
  /**
   * A manager's or owner's PIN typed on the spot to let a charge over a cap go through. Wrong
   * PINs count toward the approver's lock exactly like sign-in attempts.
   */
  approve(input: { operatorId: number; pin: string }): Promise<Operator>;
  /** Everyone, active or not, for the owner's staff screen. */
  staff(): StaffMember[];
  create(input: CreateOperatorInput, by: Operator): Promise<StaffMember>;
  update(input: UpdateOperatorInput, by: Operator): StaffMember;
  /** Sets a new PIN and lifts a lock. */
  resetPin(input: { id: number; pin: string }, by: Operator): Promise<StaffMember>;
}

export const FAILURES_BEFORE_LOCK = 5;
const FIRST_LOCK_MS = 30_000;
const MAX_LOCK_MS = 60 * 60_000;

const ROLES: readonly Role[] = roleSchema.options;
const MAX_CAP = 1_000_000_000;

/** The lock after `failures` wrong PINs in a row: none below five, then 30 s doubling up to an hour. */
export function lockDurationMs(failures: number): number {
  if (failures < FAILURES_BEFORE_LOCK) return 0;
  return Math.min(MAX_LOCK_MS, FIRST_LOCK_MS * 2 ** (failures - FAILURES_BEFORE_LOCK));
}

/** `pinKey` keys the PIN hashes: deriveLedgerKey(dataKey, 'pin-hash') (see pin-hash.ts). */
export function createOperatorService(ledger: Ledger, now: () => Date, pinKey: KeyObject): OperatorService {
  const db = ledger.db;

  function audit(operator: Operator, action: string, details: Record<string, string | number>): void {
    appendAudit(
      db,
      { actor: operator.name, operatorId: operator.id, action, subject: `operator:${operator.id}`, details },
      now,
    );
  }

  const service: OperatorService = {
    list: () => peopleOperators(db),
    needsOwner: () => !anyActivePerson(db),
    async createOwner({ name, pin }) {
      const trimmed = checkOperatorName(name);
      const pinHash = await hashPin(checkPin(pin, 'owner'), pinKey);
      return db.transaction(() => {
        if (!service.needsOwner()) {
          throw new StaffError('OWNER_EXISTS', '대표(owner) 계정이 이미 있습니다. 로그인해 주세요.');
        }
        const id = insert(trimmed, 'owner', pinHash, null, null);
        const owner: Operator = { id, name: trimmed, role: 'owner' };
        audit(owner, 'operator.create', { name: trimmed, role: 'owner' });
        return owner;
      })();
    },
    signIn: (input) => verifyPinOf(input, 'operator.sign_in'),
    async approve(input) {
      const approver = await verifyPinOf(input, 'operator.approval_pin');
      if (approver.role === 'staff') {
        throw new StaffError('APPROVER_NOT_MANAGER', '승인은 매니저 또는 대표의 PIN으로만 할 수 있습니다.');
      }
      return approver;
    },
    staff: () => staffRows(db).map(staffMember),
    async create(input, by) {
      const name = checkOperatorName(input.name);
      const role = checkRole(input.role);
      // A cap left out (not null: "no cap") is the default for staff, never above their daily cap.
      const dailyCap = input.dailyCap ?? null;
      const perChargeCap =
        input.perChargeCap !== undefined
          ? input.perChargeCap
          : role === 'staff'
            ? Math.min(DEFAULT_STAFF_PER_CHARGE_CAP, dailyCap ?? DEFAULT_STAFF_PER_CHARGE_CAP)
            : null;
      const caps = checkCaps(perChargeCap, dailyCap);
      const pinHash = await hashPin(checkPin(input.pin, role), pinKey);
      return db.transaction(() => {
        const id = insert(name, role, pinHash, caps.perChargeCap, caps.dailyCap);
        audit(by, 'operator.create', { id, name, role, ...capDetails(caps) });
        return staffOf(id);
      })();
    },
    update(input, by) {
      return db.transaction(() => {
        const current = staffOf(input.id);
        const role = input.role === undefined ? current.role : checkRole(input.role);
        const active = input.active ?? current.active;
        const caps = checkCaps(
          input.perChargeCap === undefined ? current.perChargeCap : input.perChargeCap,
          input.dailyCap === undefined ? current.dailyCap : input.dailyCap,
        );
        if (current.role === 'owner' && (role !== 'owner' || !active) && otherOwners(db, current.id) === 0) {
          throw new StaffError('LAST_OWNER', '마지막 대표 계정은 역할을 바꾸거나 사용 중지할 수 없습니다.');
        }
        updateOperatorAccess(db, current.id, { role, ...caps, active });
        audit(by, 'operator.update', { id: current.id, role, active: active ? 1 : 0, ...capDetails(caps) });
        return staffOf(current.id);
      })();
    },
    async resetPin({ id, pin }, by) {
      const pinHash = await hashPin(checkPin(pin, staffOf(id).role), pinKey);
      return db.transaction(() => {
        resetOperatorPin(db, id, pinHash);
        audit(by, 'operator.pin_reset', { id });
        return staffOf(id);
      })();
    },
  };

  function insert(
    name: string,
    role: Role,
    pinHash: string,
    perChargeCap: number | null,
    dailyCap: number | null,
  ) {
    if (activeOperatorNamed(db, name)) {
      throw new StaffError('OPERATOR_NAME_TAKEN', `'${name}'은(는) 이미 쓰이고 있는 이름입니다.`);
    }
    return insertOperator(db, { name, role, pinHash, perChargeCap, dailyCap, createdAt: now().getTime() });
  }

  function staffOf(id: number): StaffMember {
    const found = Number.isSafeInteger(id) ? staffRow(db, id) : undefined;
    if (!found) throw new StaffError('OPERATOR_NOT_FOUND', '직원을 찾을 수 없습니다.');
    return staffMember(found);
  }

  function staffMember(found: StaffRow): StaffMember {
    const { lockedUntil, active, ...rest } = found;
    return { ...rest, active: active === 1, locked: lockedUntil !== null && lockedUntil > now().getTime() };
  }

  async function verifyPinOf({ operatorId, pin }: { operatorId: number; pin: string }, action: string) {
    const found = signInRow(db, operatorId);
    if (!found) {
      throw new StaffError('OPERATOR_NOT_FOUND', '직원을 찾을 수 없습니다. 목록에서 다시 골라 주세요.');
    }
    const at = now().getTime();
    if (found.lockedUntil !== null && found.lockedUntil > at) {
      throw lockedError(found.lockedUntil - at);
    }
    const operator: Operator = { id: found.id, name: found.name, role: found.role };
    if (PIN_PATTERN.test(pin) && (await verifyPin(pin, found.pinHash, pinKey))) {
      db.transaction(() => {
        clearPinFailures(db, found.id);
        audit(operator, action, {});
      })();
      return operator;
    }
    // Counted in SQL, not from the row read before the slow hash: two guesses at once both count.
    const failures = db.transaction(() => {
      const count = countPinFailure(db, found.id);
      const lockMs = lockDurationMs(count);
      if (lockMs > 0) {
        lockOperatorUntil(db, found.id, at + lockMs);
      }
      audit(operator, `${action}_failed`, { failures: count });
      return count;
    })();
    const lockMs = lockDurationMs(failures);
    if (lockMs > 0) throw lockedError(lockMs);
    throw new StaffError(
      'WRONG_PIN',
      `PIN이 맞지 않습니다. ${FAILURES_BEFORE_LOCK - failures}번 더 틀리면 잠시 잠깁니다.`,
    );
  }

  return service;
}

/** An operator's name as stored: trimmed, 1 to 50 characters (people and system operators alike). */
export function checkOperatorName(name: string): string {
  const trimmed = name.trim();
  if (trimmed.length < 1 || trimmed.length > 50) {
    throw new StaffError('NAME_INVALID', '이름은 1~50자로 입력해 주세요.');
  }
  return trimmed;
}

function checkPin(pin: string, role: Role): string {
  if (!PIN_PATTERN.test(pin)) throw new StaffError('PIN_INVALID', 'PIN은 숫자 4~6자리로 입력해 주세요.');
  const weak = role === 'staff' ? null : weakPinReason(pin);
  if (weak) {
    throw new StaffError(
      'PIN_WEAK',
      `${weak}은 매니저와 대표에게 쓸 수 없습니다. 다른 사람이 짐작하기 어려운 숫자로 정해 주세요.`,
    );
  }
  return pin;
}

function checkRole(role: Role): Role {
  if (!ROLES.includes(role))
    throw new StaffError('ROLE_INVALID', '역할은 대표, 매니저, 직원 중에서 골라 주세요.');
  return role;
}

function checkCaps(perChargeCap: number | null, dailyCap: number | null) {
  for (const cap of [perChargeCap, dailyCap]) {
    if (cap !== null && (!Number.isSafeInteger(cap) || cap < 0 || cap > MAX_CAP)) {
      throw new StaffError('CAP_INVALID', '한도는 0원 이상의 정수로 입력하거나 비워 두어 주세요.');
    }
  }
  if (perChargeCap !== null && dailyCap !== null && perChargeCap > dailyCap) {
    throw new StaffError('CAP_INVALID', '1회 결제 한도는 하루 한도보다 클 수 없습니다.');
  }
  return { perChargeCap, dailyCap };
}

function capDetails(caps: { perChargeCap: number | null; dailyCap: number | null }) {
  return { perChargeCap: caps.perChargeCap ?? -1, dailyCap: caps.dailyCap ?? -1 };
}

function lockedError(remainingMs: number): StaffError {
  const seconds = Math.ceil(remainingMs / 1_000);
  const wait = seconds >= 60 ? `${Math.ceil(seconds / 60)}분` : `${seconds}초`;
  return new StaffError('OPERATOR_LOCKED', `PIN을 여러 번 틀려 잠겼습니다. ${wait} 뒤에 다시 시도해 주세요.`);
}
