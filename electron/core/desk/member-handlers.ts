import { BillingError, registerCardByWindow } from '../billing/index.ts';
import { chargeLogPage, type Ledger } from '../ledger/index.ts';
import { upcoming } from '../schedule/index.ts';
import { type ApiContext, actorOf, defined } from './api-context.ts';
import type { DeskApi } from './desk-api-types.ts';
import { subscriptionRows } from './subscription-rows.ts';

/** The member's first scheduled charge that finds the active card lapsed, if any. */
function cardLapseOf(ledger: Ledger, memberId: number, now: Date) {
  const [first] = upcoming(ledger, { now, days: 1, memberId }).cardsLapsing;
  return first ? { nextDate: first.nextDate, orderName: first.orderName } : null;
}

/** Members and their cards, by key-in or through Toss's window. */
export function memberHandlers(ctx: ApiContext) {
  const { deps, desk, billing, secretKeyMode } = ctx;
  // One window at a time: a second would open for the same counter while the first waits for a card.
  let windowOpen = false;
  return {
    searchMembers: (request) => billing().members.search(defined(request)),
    getMember({ id }) {
      const member = billing().members.show(id);
      return {
        ...member,
        cards: [...member.cards],
        subscriptions: subscriptionRows(desk(), deps.now(), desk().subscriptions.list({ memberId: id }), id),
        recentCharges: [...chargeLogPage(desk().ledger.db, { memberId: id }, { limit: 50 }).entries],
        cardLapse: cardLapseOf(desk().ledger, id, deps.now()),
      };
    },
    createMember: (request, session) =>
      billing().members.create({ ...defined(request), ...actorOf(session) }),
    editMember: (request, session) => billing().members.edit({ ...defined(request), ...actorOf(session) }),
    archiveMember: ({ id }, session) => billing().members.archive({ id, ...actorOf(session) }),
    async registerCard({ memberId, card, firstCharge }, session) {
      const registration = await billing().cards.register({
        memberId,
        card: {
          number: card.cardNumber,
          expiry: { month: card.expiryMonth, year: card.expiryYear },
          identity: card.identity,
          password: card.password,
        },
        firstCharge: firstCharge && defined(firstCharge),
        ...actorOf(session),
      });
      return registration;
    },
    async registerCardByWindow({ memberId, firstCharge }, session) {
      if (windowOpen) {
        throw new BillingError(
          'BUSY',
          '카드 등록 창이 이미 열려 있습니다. 그 창을 먼저 마치거나 닫아 주세요.',
        );
      }
      windowOpen = true;
      try {
        const outcome = await registerCardByWindow(
          {
            db: desk().ledger.db,
            cards: billing().cards,
            secretKeyMode: await secretKeyMode(),
            openWindow: deps.openRegistrationWindow,
          },
          { memberId, firstCharge: firstCharge && defined(firstCharge), ...actorOf(session) },
        );
        return outcome.kind === 'registered'
          ? { kind: 'registered' as const, registration: outcome.registration }
          : { kind: 'canceled' as const, registration: null };
      } finally {
        windowOpen = false;
      }
    },
    removeCard: ({ memberId }, session) => billing().cards.remove({ memberId, ...actorOf(session) }),
  } satisfies Partial<DeskApi>;
}
