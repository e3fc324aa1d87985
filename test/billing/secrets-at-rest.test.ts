import { readFile } from 'node:fs/promises';
import { expect, it } from 'vitest';
import { BillingError } from '../../electron/core/billing/index.ts';
import { toLoggable } from '../../electron/core/log/index.ts';
import { billingHarness, CARDS, sandboxKeys } from './harness.ts';

const { sandbox, desk } = billingHarness();

// A birth date used nowhere else, so finding it anywhere means it was written there.
const BIRTH_DATE = '880229';
const card = (number: string) => ({ number, expiry: '12/30', identity: BIRTH_DATE, password: '47' });

async function bytesOf(file: string): Promise<Buffer> {
  return readFile(file).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return Buffer.alloc(0);
    throw error;
  });
}

it('after registering cards, no card data, secret key, billingKey or customerKey is in the database files or any log line', async () => {
  const d = await desk();
  const { services } = d;
  const sky = services.members.create({ name: '김하늘', email: 'sky@example.com' });
  const sea = services.members.create({ name: '이바다', phone: '010-3333-4444' });
  const cloud = services.members.create({ name: '박구름' });

  await services.cards.register({
    memberId: sky.id,
    card: card(CARDS.good),
    firstCharge: { amount: 33_000, orderName: '월 회원권' },
  });
  await services.cards.register({ memberId: sky.id, card: card(CARDS.check) });
  await services.cards.register({
    memberId: sea.id,
    card: card(CARDS.softDecline),
    firstCharge: { amount: 9_000, orderName: '음료' },
  });
  await services.cards.remove({ memberId: sea.id });
  // Refused by Toss, and refused locally: their numbers must not be kept either.
  const refused = await services.cards
    .register({ memberId: cloud.id, card: card(CARDS.refusedAtIssue) })
    .catch((e: unknown) => e);
  const invalid = await services.cards
    .register({ memberId: cloud.id, card: { ...card('9410001234567'), expiry: '01/20' } })
    .catch((e: unknown) => e);
  expect(refused).toBeInstanceOf(BillingError);
  expect(invalid).toBeInstanceOf(BillingError);
  const charge = services.charges.get(1);
  await services.refunds.refund({
    chargeId: charge.id,
    amount: 3_000,
    reason: '환불',
    operatorId: d.operatorId,
  });

  const keys = await sandboxKeys(sandbox);
  expect(keys).toHaveLength(3);
  const secrets = [
    CARDS.good,
    CARDS.check,
    CARDS.softDecline,
    CARDS.refusedAtIssue,
    '9410001234567',
    BIRTH_DATE,
    sandbox.secretKey,
    Buffer.from(`${sandbox.secretKey}:`).toString('base64'),
    ...keys.flatMap((key) => [key.billingKey, key.customerKey]),
  ];
  // The 2-digit card password cannot be searched for as bytes (any '47' matches); no field of
  // that name may appear instead.
  const names = ['cardPassword', 'customerIdentityNumber', 'cardNumber', 'billingKey', 'customerKey'];

  const errorsText = JSON.stringify([toLoggable(refused), toLoggable(invalid), (refused as Error).message]);
  for (const secret of secrets) expect(errorsText).not.toContain(secret);

  const walWhileOpen = await bytesOf(`${d.ledger.path}-wal`);
  const mainWhileOpen = await bytesOf(d.ledger.path);
  d.ledger.close();
  const mainAfterClose = await bytesOf(d.ledger.path);
  // The search is over real content: what is meant to be there in the clear is found.
  const masked = keys[0]?.card?.number ?? '';
  expect(masked).toContain('*');
  expect(Buffer.concat([mainWhileOpen, walWhileOpen]).includes(masked)).toBe(true);
  expect(mainAfterClose.includes('김하늘')).toBe(true);
  for (const [name, bytes] of [
    ['ledger -wal (open)', walWhileOpen],
    ['ledger (open)', mainWhileOpen],
    ['ledger (closed)', mainAfterClose],
  ] as const) {
    for (const secret of secrets)
      expect(bytes.includes(secret), `${name} holds ${secret.slice(0, 4)}…`).toBe(false);
    for (const field of names) expect(bytes.includes(field), `${name} names ${field}`).toBe(false);
  }

  // The search is over every step's lines: each Toss call and each outcome was logged.
  expect(d.lines.map((line) => JSON.parse(line).msg)).toEqual([
    ...['member created', 'member created', 'member created'],
    // The first card is issued, then charged.
    ...['toss request', 'card registered', 'charge sent', 'toss request', 'charge outcome'],
    // The second is issued; the first's key is deleted at Toss.
    ...['toss request', 'card registered', 'toss request'],
    // 이바다's card is issued and its charge declined; then it is removed.
    ...['toss request', 'card registered', 'charge sent', 'toss request', 'charge outcome', 'toss request'],
    // Refused at issue (the invalid card never reaches Toss); then the refund.
    ...['toss request', 'refund sent', 'toss request', 'refund outcome'],
  ]);
  for (const line of d.lines) {
    for (const secret of secrets) expect(line).not.toContain(secret);
  }
});
