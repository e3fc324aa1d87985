import { describe, expect, it } from 'vitest';
import { cliStorePerFile } from './cli-store.ts';

const SECRET = 'test_sk_cliCardExpiry0123456789';
// Valid through January 2027: fine today, lapsed by a charge in February.
const CARD = { cardNumber: '9410001234567890', expiryYear: '27', expiryMonth: '01', identity: '900101' };

describe('desk upcoming and card expiry', () => {
  const { desk, json } = cliStorePerFile('autopay-cli-card-expiry-', SECRET);

  it('keeps the expiry given at key-in and lists the card that lapses before its next charge', async () => {
    const member = await json<{ id: number }>(['member', 'add', '--name', '윤만료']);
    const card = await json<{ card: object }>(
      ['card', 'register', '--member', String(member.id)],
      JSON.stringify(CARD),
    );
    expect(card.card).toMatchObject({ expiryMonth: 1, expiryYear: 2027 });
    const plan = await json<{ id: number }>([
      'plan',
      'add',
      '--name',
      '요가 월회원',
      '--amount',
      '70000',
      '--every',
      '1m',
    ]);
    await json([
      'subscribe',
      '--member',
      String(member.id),
      '--plan',
      String(plan.id),
      '--anchor',
      '2027-02-10',
      '--consent',
      'in-person',
    ]);

    const now = '2026-12-05T12:00:00+09:00';
    const report = await json<{ cardsLapsing: unknown[] }>(['upcoming', '--days', '30', '--now', now]);
    expect(report.cardsLapsing).toEqual([
      expect.objectContaining({
        memberId: member.id,
        memberName: '윤만료',
        orderName: '요가 월회원',
        expiryMonth: 1,
        expiryYear: 2027,
        nextDate: '2027-02-10',
      }),
    ]);
    // The charge log's times are the store's, with its offset.
    await json(['charge', '--member', String(member.id), '--amount', '1000', '--order-name', '음료']);
    const [logged] = await json<{ createdAt: string }[]>(['charges']);
    expect(logged?.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+09:00$/);
    const text = await desk(['upcoming', '--days', '30', '--now', now]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('다음 결제 전에 카드 유효기간이 끝나는 구독 1건 (카드 교체 필요):');
    expect(text.stdout).toMatch(/ {2}윤만료 9410\S+ 유효기간 2027-01, 다음 결제 2027-02-10 요가 월회원/);
  });
});
