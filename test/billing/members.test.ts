import { describe, expect, it } from 'vitest';
import { verifyAudit } from '../../electron/core/audit/index.ts';
import { normalizePhone } from '../../electron/core/billing/index.ts';
import { expectBillingError } from './expect-billing-error.ts';
import { auditOf, billingHarness } from './harness.ts';

const { desk } = billingHarness();

describe('members', () => {
  it('creates members with the next free number, normalised phone and a sealed random customerKey', async () => {
    const { services, ledger, sealer } = await desk();
    const first = services.members.create({
      name: ' 김하늘 ',
      phone: '010-1234-5678',
      email: 'sky@example.com',
    });
    const second = services.members.create({ name: '이바다', phone: '+82 10 9876 5432', memo: '오전반' });
    expect(first).toMatchObject({
      memberNo: '0001',
      name: '김하늘',
      phone: '01012345678',
      email: 'sky@example.com',
      memo: null,
      status: 'active',
      card: null,
    });
    expect(second).toMatchObject({ memberNo: '0002', phone: '01098765432', memo: '오전반' });
    expect(first.uid).toMatch(/^[A-Za-z0-9_-]{22,60}$/);
    expect(first.uid).not.toBe(second.uid);
    expect(JSON.stringify(first)).not.toMatch(/customer/i);

    const rows = ledger.db
      .prepare('SELECT uid, customer_key_sealed AS sealed FROM members ORDER BY id')
      .all() as {
      uid: string;
      sealed: Buffer;
    }[];
    const keys = rows.map((row) => sealer.open(row.sealed, `members.customer_key:${row.uid}`));
    for (const key of keys) expect(key).toMatch(/^cus_[A-Za-z0-9_-]{32}$/);
    expect(keys[0]).not.toBe(keys[1]);
    // Bound to its row: the first member's sealed key does not open as the second's.
    const [a, b] = rows;
    expect(() => sealer.open(a?.sealed ?? Buffer.alloc(0), `members.customer_key:${b?.uid}`)).toThrow();
    expect(verifyAudit(ledger.db)).toMatchObject({ ok: true });
    expect(auditOf(ledger, `member:${first.id}`)).toEqual([
      { actor: 'test', operatorId: null, action: 'member.create', details: { memberNo: '0001' } },
    ]);
  });

  it('takes a member number from the store and refuses one already in use', async () => {
    const { services } = await desk();
    expect(services.members.create({ name: '박별', memberNo: 'A-17' }).memberNo).toBe('A-17');
    expect(services.members.create({ name: '최구름', memberNo: '0041' }).memberNo).toBe('0041');
    expect(services.members.create({ name: '정해' }).memberNo).toBe('0042');
    const error = await expectBillingError(
      () => services.members.create({ name: '한달', memberNo: 'A-17' }),
      'MEMBER_NO_TAKEN',
    );
    expect(error.message).toContain('A-17');
    expect(error.fields?.memberNo?.code).toBe('MEMBER_NO_TAKEN');
  });

  it('reports every field problem at once, in Korean', async () => {
    const { services, ledger } = await desk();
    const error = await expectBillingError(
      () =>
        services.members.create({ name: '  ', phone: '123', email: 'not-an-email', memo: 'x'.repeat(2001) }),
      'INVALID_INPUT',
    );
    expect(error.fields).toEqual({
      name: { code: 'NAME_REQUIRED', message: '이름을 입력해 주세요.' },
      phone: { code: 'PHONE_FORMAT', message: expect.stringContaining('전화번호 형식') },
      email: { code: 'EMAIL_FORMAT', message: expect.stringContaining('이메일') },
      memo: { code: 'MEMO_TOO_LONG', message: '메모는 2,000자 이하로 입력해 주세요.' },
    });
    expect(error.message).toBe('입력한 내용을 확인해 주세요.');
    expect(ledger.db.prepare('SELECT count(*) FROM members').pluck().get()).toBe(0);
  });

  it.each([
    ['010-1234-5678', '01012345678'],
    ['０１０ １２３４ ５６７８', '01012345678'],
    ['(02) 123-4567', '021234567'],
    ['031-123-4567', '0311234567'],
    ['070-1234-5678', '07012345678'],
    ['1588-1234', '15881234'],
    ['+82-2-123-4567', '021234567'],
  ])('normalises the phone number %s', (input, digits) => {
    expect(normalizePhone(input)).toEqual({ ok: true, value: digits });
  });

  it.each(['010-123', '0101234567890', '099-123-4567', '010-1234-abcd'])(
    'refuses the phone number %s',
    (input) => {
      expect(normalizePhone(input).ok).toBe(false);
    },
  );

  it('edits, archives, searches and shows members', async () => {
    const { services, ledger } = await desk();
    const sky = services.members.create({ name: '김하늘', phone: '010-1111-2222' });
    const sea = services.members.create({ name: '김바다', phone: '02-333-4444', memberNo: 'B-9' });
    services.members.create({ name: '이구름', phone: '010-5555-2222' });

    const edited = services.members.edit({ id: sky.id, email: 'sky@example.com', phone: '', memo: '주말반' });
    expect(edited).toMatchObject({ email: 'sky@example.com', phone: null, memo: '주말반', name: '김하늘' });
    expect(auditOf(ledger, `member:${sky.id}`).at(-1)).toMatchObject({
      action: 'member.update',
      details: { fields: ['phone', 'email', 'memo'] },
    });
    await expectBillingError(
      () => services.members.edit({ id: sea.id, memberNo: '0001' }),
      'MEMBER_NO_TAKEN',
    );
    await expectBillingError(() => services.members.edit({ id: 999, name: '누구' }), 'MEMBER_NOT_FOUND');

    const names = (query: string, includeArchived = false) =>
      services.members.search({ query, includeArchived }).map((member) => member.name);
    expect(names('김')).toEqual(['김바다', '김하늘']);
    expect(names('2222')).toEqual(['이구름']);
    expect(names('333-4444')).toEqual(['김바다']);
    expect(names('B-')).toEqual(['김바다']);
    expect(names('0002')).toEqual(['이구름']);
    expect(names('%')).toEqual([]);

    const archived = services.members.archive({ id: sea.id });
    expect(archived.status).toBe('archived');
    expect(names('김')).toEqual(['김하늘']);
    expect(names('김', true)).toEqual(['김바다', '김하늘']);
    expect(services.members.search().map((member) => member.name)).toEqual(['김하늘', '이구름']);
    // An exact member number comes before names and phone numbers that merely contain it.
    services.members.create({ name: '힣힣', memberNo: '2222' });
    expect(names('2222')).toEqual(['힣힣', '이구름']);

    expect(services.members.show(sky.id)).toMatchObject({ id: sky.id, card: null, cards: [] });
    await expectBillingError(() => services.members.show(12345), 'MEMBER_NOT_FOUND');
  });
});
