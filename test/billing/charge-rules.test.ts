import { describe, expect, it } from 'vitest';
import { DECIDE_NOT_CHARGED_AFTER_MS, KEY_IN_ENABLED } from '../../electron/core/billing/index.ts';
import { taxFreeTreatment, writeSetting } from '../../electron/core/ledger/index.ts';
import { hashPin, type Role, StaffError } from '../../electron/core/staff/index.ts';
import { vatSplit } from '../../shared/money/index.ts';
import { expectBillingError } from './expect-billing-error.ts';
import {
  addFault,
  auditOf,
  billingHarness,
  CARDS,
  cardInput,
  type Desk,
  expectLedgerAgreesWithToss,
  sandboxPayments,
} from './harness.ts';

const { sandbox, desk } = billingHarness();
const CHARGE_PATH = { method: 'POST', path: '/v1/billing/*' };
const PIN = '2468';

async function person(
  d: Desk,
  name: string,
  role: Role,
  caps: { perChargeCap?: number | null; dailyCap?: number | null } = {},
): Promise<number> {
  return Number(
    d.ledger.db
      .prepare(
        'INSERT INTO operators (name, role, pin_hash, per_charge_cap, daily_cap, created_at) VALUES (?, ?, ?, ?, ?, ?)',
      )
      .run(
        name,
        role,
        await hashPin(PIN, d.pinKey),
        caps.perChargeCap ?? null,
        caps.dailyCap ?? null,
        d.clock.now,
      ).lastInsertRowid,
  );
}

async function staffRefusal(promise: Promise<unknown>, code: string): Promise<void> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(StaffError);
  expect((error as StaffError).code).toBe(code);
}

describe('caps and approvals live in the billing core', () => {
  it("one operator's charges at once cannot pass the daily cap together", async () => {
    const d = await desk({ staffGate: true });
    const cashier = await person(d, '직원', 'staff', { dailyCap: 100_000 });
    const a = await d.memberWithCard();
    const b = await d.memberWithCard();
    const results = await Promise.allSettled(
      [a, b].map(({ memberId }) =>
        d.services.charges.charge({ memberId, amount: 60_000, orderName: 'PT', operatorId: cashier }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ code: 'APPROVAL_REQUIRED' });
    expect(await sandboxPayments(sandbox)).toHaveLength(1);
    await expectLedgerAgreesWithToss(sandbox, d.ledger);
  });

  it('an approver is another operator, of a role at least the asker’s, whose caps cover the amount', async () => {
    const d = await desk({ staffGate: true });
    const manager = await person(d, '매니저', 'manager', { perChargeCap: 30_000 });
    const lowManager = await person(d, '부매니저', 'manager', { perChargeCap: 40_000 });
    const owner = await person(d, '대표', 'owner');
    const cappedOwner = await person(d, '공동대표', 'owner', { perChargeCap: 10_000 });
    const { memberId } = await d.memberWithCard();
    const charge = (operatorId: number, approver: number) =>
      d.services.charges.charge({
        memberId,
        amount: 50_000,
        orderName: '연간권',
        operatorId,
        approval: { operatorId: approver, pin: PIN },
      });

    await staffRefusal(charge(manager, manager), 'APPROVER_SAME_OPERATOR');
    await staffRefusal(charge(manager, lowManager), 'APPROVER_CAP_TOO_LOW');
    await staffRefusal(charge(cappedOwner, lowManager), 'APPROVER_RANK_TOO_LOW');
    expect(await sandboxPayments(sandbox)).toEqual([]);

    const done = await charge(manager, owner);
    expect(done.status).toBe('DONE');
    expect(auditOf(d.ledger, `operator:${manager}`).at(-1)).toMatchObject({
      actor: '대표',
      operatorId: owner,
      action: 'charge.limit_approved',
      details: { amount: 50_000, cap: 30_000, kind: 'per_charge', unresolvedCharge: false },
    });
  });

  it('a first charge over the cap is refused before a card is issued', async () => {
    const d = await desk({ staffGate: true });
    const cashier = await person(d, '직원', 'staff', { perChargeCap: 10_000 });
    const member = d.services.members.create({ name: '새회원', phone: '010-3000-0001' });
    await expectBillingError(
      () =>
        d.services.cards.register({
          memberId: member.id,
          card: cardInput(),
          firstCharge: { amount: 20_000, orderName: '등록비' },
          operatorId: cashier,
        }),
      'APPROVAL_REQUIRED',
    );
    expect(d.services.cards.active(member.id)).toBeNull();
  });
});

describe('a charge while the member has one whose outcome is unknown', () => {
  async function memberWithUnknownCharge(d: Desk) {
    const { memberId } = await d.memberWithCard();
    await addFault(sandbox, 'status-500', CHARGE_PATH);
    const unknown = await d.services.charges.charge({ memberId, amount: 9_000, orderName: '음료' });
    expect(unknown.status).toBe('UNKNOWN');
    return memberId;
  }

  it('is refused with its own code and message, unless a manager approves on the spot', async () => {
    const d = await desk({ staffGate: true });
    const cashier = await person(d, '직원', 'staff');
    const manager = await person(d, '매니저', 'manager');
    const memberId = await memberWithUnknownCharge(d);
    const again = { memberId, amount: 9_000, orderName: '음료', operatorId: cashier };

    const refused = await expectBillingError(() => d.services.charges.charge(again), 'UNRESOLVED_CHARGE');
    expect(refused.message).toMatch(/^이전 결제의 결과를 아직 모릅니다/);
    await staffRefusal(
      d.services.charges.charge({ ...again, approval: { operatorId: cashier, pin: PIN } }),
      'APPROVER_NOT_MANAGER',
    );
    const approved = await d.services.charges.charge({
      ...again,
      approval: { operatorId: manager, pin: PIN },
    });
    expect(approved.status).toBe('DONE');
    expect(auditOf(d.ledger, `operator:${cashier}`).at(-1)).toMatchObject({
      operatorId: manager,
      action: 'charge.limit_approved',
      details: { unresolvedCharge: true, memberId },
    });
  });

  it('a manager charging may confirm it with their own PIN', async () => {
    const d = await desk({ staffGate: true });
    const manager = await person(d, '매니저', 'manager');
    const memberId = await memberWithUnknownCharge(d);
    const approved = await d.services.charges.charge({
      memberId,
      amount: 9_000,
      orderName: '음료',
      operatorId: manager,
      approval: { operatorId: manager, pin: PIN },
    });
    expect(approved.status).toBe('DONE');
  });
});

describe('cards', () => {
  it('replacing an active card needs a manager, like removing one', async () => {
    const d = await desk({ staffGate: true });
    const cashier = await person(d, '직원', 'staff');
    const manager = await person(d, '매니저', 'manager');
    const { memberId, cardId } = await d.memberWithCard();
    await expectBillingError(
      () => d.services.cards.register({ memberId, card: cardInput(CARDS.check), operatorId: cashier }),
      'MANAGER_REQUIRED',
    );
    await expectBillingError(
      () => d.services.cards.remove({ memberId, operatorId: cashier }),
      'MANAGER_REQUIRED',
    );
    expect(d.services.cards.active(memberId)?.id).toBe(cardId);
    const replaced = await d.services.cards.register({
      memberId,
      card: cardInput(CARDS.check),
      operatorId: manager,
    });
    expect(replaced.replaced).toMatchObject({
      card: { id: cardId, status: 'replaced' },
      deletedAtToss: true,
    });
  });

  it('key-in is refused in the core when the owner switched it off', async () => {
    const d = await desk();
    const member = d.services.members.create({ name: '키인', phone: '010-3000-0002' });
    writeSetting(d.ledger.db, KEY_IN_ENABLED, false, new Date(d.clock.now));
    await expectBillingError(
      () => d.services.cards.register({ memberId: member.id, card: cardInput() }),
      'KEY_IN_DISABLED',
    );
  });
});

describe('what the reconciler resends', () => {
  it('a charge a person asked for is resent only within minutes; then it is looked up only', async () => {
    const d = await desk();
    const { memberId } = await d.memberWithCard();
    await addFault(sandbox, 'status-500', CHARGE_PATH);
    const charge = await d.services.charges.charge({ memberId, amount: 9_000, orderName: '음료' });
    d.clock.now += 6 * 60_000;
    const report = await d.services.reconciler.reconcile();
    expect(report.needsReview).toEqual([
      { kind: 'charge', id: charge.id, tossCode: 'RESEND_WINDOW_PASSED', tossMessage: expect.any(String) },
    ]);
    expect(await sandboxPayments(sandbox)).toEqual([]);
  });

  it('a charge staff closed as "결제 안 됨" is never resent, even by services rebuilt over the ledger', async () => {
    const d = await desk();
    const { memberId } = await d.memberWithCard();
    await addFault(sandbox, 'reset-before', CHARGE_PATH);
    const charge = await d.services.charges.charge({ memberId, amount: 9_000, orderName: '음료' });
    expect(charge.status).toBe('UNKNOWN');
    d.clock.now += DECIDE_NOT_CHARGED_AFTER_MS + 1;
    const closed = await d.services.review.resolveCharge({
      chargeId: charge.id,
      outcome: 'not-charged',
      reason: '현금으로 받음',
    });
    expect(closed.status).toBe('FAILED');
    expect(await d.services.reconciler.reconcile()).toMatchObject({ checked: 0, resolved: [] });
    expect(await sandboxPayments(sandbox)).toEqual([]);
  });

  it('refuses "결제 안 됨" with a plain message when Toss cannot be reached', async () => {
    const d = await desk();
    const { memberId } = await d.memberWithCard();
    await addFault(sandbox, 'status-500', CHARGE_PATH);
    const charge = await d.services.charges.charge({ memberId, amount: 9_000, orderName: '음료' });
    d.clock.now += DECIDE_NOT_CHARGED_AFTER_MS + 1;
    await addFault(sandbox, 'status-500', { method: 'GET', path: '/v1/payments/orders/*' }, { times: 10 });
    const refused = await expectBillingError(
      () => d.services.review.resolveCharge({ chargeId: charge.id, outcome: 'not-charged', reason: '현금' }),
      'TOSS_UNREACHABLE',
    );
    expect(refused.message).toMatch(/^토스에 연결할 수 없어 지금은 확인할 수 없습니다/);
    expect(d.services.charges.get(charge.id).status).toBe('UNKNOWN');
  });
});

describe('the VAT the confirm screen shows', () => {
  it('is what Toss records, also for a merchant where Toss ignores the tax-free part', async () => {
    const d = await desk();
    const { memberId } = await d.memberWithCard();
    expect(taxFreeTreatment(d.ledger.db)).toBe('unknown');
    const charge = await d.services.charges.charge({
      memberId,
      amount: 20_000,
      taxFreeAmount: 5_000,
      orderName: '교재 포함',
    });
    // The emulator's default merchant is an ordinary taxable one: Toss takes VAT on the whole amount.
    expect(taxFreeTreatment(d.ledger.db)).toBe('ignored');
    const shown = vatSplit(charge.amount, 0);
    expect({ suppliedAmount: charge.suppliedAmount, vat: charge.vat }).toEqual({
      suppliedAmount: shown.suppliedAmount,
      vat: shown.vat,
    });
    expect(shown).toEqual({ suppliedAmount: 18_182, vat: 1_818, taxFreeAmount: 0 });
    expect(vatSplit(20_000, 5_000)).toEqual({ suppliedAmount: 13_636, vat: 1_364, taxFreeAmount: 5_000 });
  });
});
