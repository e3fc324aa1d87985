import { afterEach, describe, expect, it } from 'vitest';
import { addFault, billingHarness, CARDS, sandboxPayments } from './harness.ts';

// Issue 17 (and issue 15's lookup rule) in the billing core, against the emulator over real HTTP.

const { sandbox, desk } = billingHarness();
const CHARGE_PATH = { method: 'POST', path: '/v1/billing/*' };
const TRACE = /^[0-9a-f]{32}$/;

const setSwitches = (switches: Record<string, unknown>) =>
  sandbox.control('POST', '/__sandbox/switches', switches);

afterEach(async () => {
  await setSwitches({ failedChargeLookup: 'not-found', rateLimitPerMinute: null });
});

describe('the trace id of every answer is kept with the charge and the refund', () => {
  it('records it for an approval, a decline and a refund, and logs it', async () => {
    const d = await desk();
    const good = await d.memberWithCard(CARDS.good);
    const charged = await d.services.charges.charge({
      memberId: good.memberId,
      amount: 15_000,
      orderName: 'PT',
    });
    expect(charged.status).toBe('DONE');
    expect(charged.tossTraceId).toMatch(TRACE);
    // The card as the payment reports it.
    expect(charged.maskedNumber).toBe('94100012****789*');
    expect(charged.company).toBe('하나');
    expect(charged.approveNo).toBe('00000000');

    const declining = await d.memberWithCard(CARDS.softDecline);
    const declined = await d.services.charges.charge({
      memberId: declining.memberId,
      amount: 7_000,
      orderName: '음료',
    });
    expect(declined.status).toBe('DECLINED');
    expect(declined.tossTraceId).toMatch(TRACE);
    expect(declined.tossTraceId).not.toBe(charged.tossTraceId);

    const refund = await d.services.refunds.refund({
      chargeId: charged.id,
      amount: 5_000,
      reason: '1회 미사용',
      operatorId: d.operatorId,
    });
    expect(refund.status).toBe('DONE');
    expect(refund.tossTraceId).toMatch(TRACE);

    const stored = d.ledger.db
      .prepare(
        `SELECT toss_trace_id AS traceId, paid_card_number AS cardNumber, paid_card_company AS company
         FROM charge_attempts WHERE id = ?`,
      )
      .get(charged.id);
    expect(stored).toEqual({ traceId: charged.tossTraceId, cardNumber: '94100012****789*', company: '하나' });
    const outcomeLines = d.lines.filter((line) => line.includes('charge outcome'));
    expect(outcomeLines.some((line) => line.includes(String(charged.tossTraceId)))).toBe(true);
    expect(
      d.lines.some((line) => line.includes('refund outcome') && line.includes(String(refund.tossTraceId))),
    ).toBe(true);
  });
});

describe('a lookup that finds a failed payment resolves the attempt by its failure code', () => {
  it.each([
    [CARDS.softDecline, 'DECLINED', 'REJECT_CARD_PAYMENT'],
    [CARDS.stopped, 'FAILED', 'INVALID_STOPPED_CARD'],
  ] as const)(
    'card %s, answer lost, ABORTED at Toss → %s %s by lookup, never resent',
    async (card, to, code) => {
      await setSwitches({ failedChargeLookup: 'aborted' });
      const d = await desk();
      const member = await d.memberWithCard(card);
      await addFault(sandbox, 'drop-after-commit', CHARGE_PATH);
      const charge = await d.services.charges.charge({
        memberId: member.memberId,
        amount: 7_000,
        orderName: '음료',
      });
      expect(charge.status).toBe('UNKNOWN');
      // A resend would be answered at once; a failing one proves the reconciler never sends.
      await addFault(sandbox, 'status-500', CHARGE_PATH, { times: 10 });
      const report = await d.services.reconciler.reconcile();
      expect(report.resolved).toEqual([
        { kind: 'charge', id: charge.id, from: 'UNKNOWN', to, via: 'lookup', tossCode: code },
      ]);
      const view = d.services.charges.get(charge.id);
      expect(view.status).toBe(to);
      expect(view.tossTraceId).toMatch(TRACE);
      expect(await sandboxPayments(sandbox)).toEqual([]);
    },
  );
  // With the default 404 switch, a lost decline is found by resending: charge-faults.test.ts.
});
