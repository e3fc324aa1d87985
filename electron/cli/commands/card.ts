import type { CardInput } from '../../../shared/card/index.ts';
import { commandOptions, optionalWholeNumber, required, wholeNumber } from '../args.ts';
import { CliError, usageError } from '../cli-error.ts';
import type { Command } from '../command.ts';
import { CLI_ACTOR } from '../context.ts';

const USAGE =
  'usage: desk card register --member ID [--charge-amount N --order-name S] < card.json | card remove --member ID' +
  '   (card.json: {"cardNumber","expiryYear","expiryMonth","identity","password"})';

/**
 * Registers or removes a member's card. The card arrives as JSON on stdin, never in argv (where
 * the process list and shell history would keep it), and is dropped after the one request.
 */
export const cardCommand: Command = async (args, ctx) => {
  const [action, ...rest] = args;
  const { values } = commandOptions(
    rest,
    { member: { type: 'string' }, 'charge-amount': { type: 'string' }, 'order-name': { type: 'string' } },
    USAGE,
  );
  const memberId = wholeNumber(required(values.member, '--member', USAGE), '--member', USAGE);
  const billing = await ctx.billing({ toss: true });
  switch (action) {
    case 'register': {
      const amount = optionalWholeNumber(values['charge-amount'], '--charge-amount', USAGE);
      if ((amount === undefined) !== (values['order-name'] === undefined)) {
        throw usageError('첫 결제는 --charge-amount와 --order-name을 함께 지정해 주세요.', USAGE);
      }
      const registration = await billing.cards.register({
        memberId,
        card: parseCard(await ctx.io.readStdin()),
        firstCharge: amount === undefined ? undefined : { amount, orderName: values['order-name'] ?? '' },
        actor: CLI_ACTOR,
        operatorId: await ctx.operatorId(),
      });
      const { card, charge } = registration;
      const chargeText = charge
        ? ` · 첫 결제 ${charge.status} ${charge.amount}원${charge.tossMessage ? ` (${charge.tossMessage})` : ''}`
        : '';
      return {
        data: { card, charge },
        text: `카드를 등록했습니다: ${card.company ?? '카드'} ${card.maskedNumber}${chargeText}`,
      };
    }
    case 'remove': {
      if (values['charge-amount'] !== undefined || values['order-name'] !== undefined) {
        throw usageError('card remove에는 --member만 지정합니다.', USAGE);
      }
      const card = await billing.cards.remove({
        memberId,
        actor: CLI_ACTOR,
        operatorId: await ctx.operatorId(),
      });
      return { data: card, text: `카드를 삭제했습니다: ${card.maskedNumber}` };
    }
    default:
      throw usageError(`알 수 없는 card 동작입니다: ${action ?? '(없음)'}`, USAGE);
  }
};

const CARD_FIELDS = ['cardNumber', 'expiryYear', 'expiryMonth', 'identity', 'password'] as const;

/** Reads the card JSON without ever echoing a value of it in an error. */
function parseCard(text: string): CardInput {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new CliError(
      '표준 입력의 카드 정보가 JSON이 아닙니다. {"cardNumber","expiryYear","expiryMonth","identity","password"} 형식으로 넣어 주세요.',
    );
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new CliError('표준 입력의 카드 정보는 JSON 객체여야 합니다.');
  }
  const record = json as Record<string, unknown>;
  const unknown = Object.keys(record).filter((key) => !(CARD_FIELDS as readonly string[]).includes(key));
  if (unknown.length > 0) throw new CliError(`카드 정보에 알 수 없는 항목이 있습니다: ${unknown.join(', ')}`);
  const field = (name: (typeof CARD_FIELDS)[number]): string => {
    const value = record[name];
    if (value === undefined || value === null) return '';
    if (typeof value !== 'string') throw new CliError(`카드 정보의 ${name}은(는) 문자열이어야 합니다.`);
    return value;
  };
  return {
    number: field('cardNumber'),
    expiry: { month: field('expiryMonth'), year: field('expiryYear') },
    identity: field('identity'),
    password: field('password'),
  };
}
