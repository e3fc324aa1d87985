import { randomBytes, randomInt } from 'node:crypto';
import type { Session } from '../../electron/core/desk/index.ts';
import { weakPinReason } from '../../electron/core/staff/index.ts';
import type { ChannelName, IpcResult, RequestOf } from '../../shared/ipc/index.ts';
import type { UiBridge } from './ui-bridge.ts';

/** The emulator's scripted cards (electron/sandbox/README.md): no real card data anywhere. */
export const EMULATOR_CARDS = {
  approves: '9410001234567890',
  approvesCheck: '9410051234567890',
  softDecline: '9410011234567890',
} as const;

export interface SeededOwner {
  readonly name: string;
  readonly pin: string;
  /** A manager and a staff member with caps, so the permission model can be tried by hand. */
  readonly team: readonly SeededOperator[];
}

export interface SeededOperator {
  readonly name: string;
  readonly pin: string;
  readonly role: 'manager' | 'staff';
  readonly perChargeCap?: number;
  readonly dailyCap?: number;
}

/** Six random digits, drawn again while easy to guess (managers and owners may not have those). */
function randomPin(): string {
  for (;;) {
    const pin = String(randomInt(0, 1_000_000)).padStart(6, '0');
    if (weakPinReason(pin) === null) return pin;
  }
}

async function call<C extends ChannelName>(
  bridge: UiBridge,
  session: Session,
  channel: C,
  request: RequestOf<C>,
): Promise<{ id: number }> {
  const result = (await bridge.dispatch(channel, request, session)) as IpcResult<{ id: number }>;
  if (!result.ok) throw new Error(`seeding ${channel} failed: ${result.error.code} ${result.error.message}`);
  return result.value;
}

const requestId = () => `seed-${randomBytes(12).toString('hex')}`;

/**
 * Demo data for the preview, made through the same dispatch the screens use: an owner, a test key,
 * a plan, members with emulator cards, a few charges (one declined) and a subscription.
 */
export async function seedDemo(bridge: UiBridge, today: string): Promise<SeededOwner> {
  const owner = { name: '김대표', pin: randomPin() };
  const session: Session = { operator: null };
  await call(bridge, session, 'createOwner', owner);
  const merchant = `ui_preview_${randomBytes(8).toString('hex')}`;
  await call(bridge, session, 'setSecretKey', { secretKey: `test_sk_${merchant}` });
  // The emulator pairs test_ck_X with test_sk_X: Toss's registration window works in the preview too.
  await call(bridge, session, 'setClientKey', { clientKey: `test_ck_${merchant}` });
  // What the receipt screen prints at the top: a made-up store.
  await call(bridge, session, 'setStoreDetails', {
    name: '행복 피트니스 (데모)',
    businessNumber: '1234567890',
    address: '서울시 마포구 데모로 1',
    phone: '02-000-0000',
  });
  const team: SeededOperator[] = [
    { name: '박매니저', pin: randomPin(), role: 'manager' },
    { name: '이직원', pin: randomPin(), role: 'staff', perChargeCap: 50_000, dailyCap: 300_000 },
  ];
  for (const operator of team) await call(bridge, session, 'createOperator', operator);
  const plan = await call(bridge, session, 'createPlan', {
    name: '헬스 월 회원권',
    amount: 99_000,
    intervalUnit: 'month',
    intervalCount: 1,
  });
  const people = [
    { name: '이서연', phone: '01012345678', card: EMULATOR_CARDS.approves, charges: [55_000, 12_000] },
    { name: '박지훈', phone: '01023456789', card: EMULATOR_CARDS.approvesCheck, charges: [30_000] },
    { name: '최민준', phone: '01034567890', card: EMULATOR_CARDS.softDecline, charges: [99_000] },
    { name: '정하은', phone: '01045678901', card: null, charges: [] },
    { name: '강도윤', phone: null, card: null, charges: [] },
  ];
  for (const person of people) {
    const member = await call(bridge, session, 'createMember', { name: person.name, phone: person.phone });
    if (!person.card) continue;
    await call(bridge, session, 'registerCard', {
      memberId: member.id,
      card: { cardNumber: person.card, expiryMonth: '12', expiryYear: '30', identity: '900101' },
    });
    for (const amount of person.charges) {
      // A declined charge is an answer, not an error: the call succeeds with status DECLINED.
      await call(bridge, session, 'charge', {
        memberId: member.id,
        amount,
        orderName: 'PT 1회',
        requestId: requestId(),
      });
    }
    if (person.card === EMULATOR_CARDS.approves) {
      await call(bridge, session, 'subscribe', {
        consent: { method: 'in-person' },
        memberId: member.id,
        planId: plan.id,
        anchorDate: today,
      });
    }
  }
  return { ...owner, team };
}
