import { randomBytes, randomInt } from 'node:crypto';
import type { Session } from '../../electron/core/desk/index.ts';
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
  const owner = { name: '김대표', pin: String(randomInt(0, 1_000_000)).padStart(6, '0') };
  const session: Session = { operator: null };
  await call(bridge, session, 'createOwner', owner);
  await call(bridge, session, 'setSecretKey', {
    secretKey: `test_sk_ui_preview_${randomBytes(8).toString('hex')}`,
  });
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
      await call(bridge, session, 'subscribe', { memberId: member.id, planId: plan.id, anchorDate: today });
    }
  }
  return owner;
}
