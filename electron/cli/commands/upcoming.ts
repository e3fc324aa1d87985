import { MAX_UPCOMING_DAYS, type UpcomingReport, upcoming } from '../../core/schedule/index.ts';
import { commandOptions, wholeNumber } from '../args.ts';
import { usageError } from '../cli-error.ts';
import type { Command } from '../command.ts';
import { parseInstant } from './run-due.ts';

const USAGE = 'usage: desk upcoming [--days N] [--now ISO]';

/**
 * The charges of the next N days (default 30), per subscription and per day, with totals, and the
 * cards that lapse before their subscription's next charge.
 */
export const upcomingCommand: Command = async (args, ctx) => {
  const { values } = commandOptions(args, { days: { type: 'string' }, now: { type: 'string' } }, USAGE);
  const days = values.days === undefined ? 30 : wholeNumber(values.days, '--days', USAGE);
  if (days < 1 || days > MAX_UPCOMING_DAYS) {
    throw usageError(`--days는 1부터 ${MAX_UPCOMING_DAYS}까지입니다: ${days}`, USAGE);
  }
  const now = values.now === undefined ? ctx.now() : parseInstant(values.now, '--now', USAGE);
  const report = upcoming(await ctx.ledger(), { now, days });
  return { data: report, text: describe(report) };
};

function describe(report: UpcomingReport): string {
  const lines = report.byDay.map(
    (day) =>
      `${day.date} ${day.count}건 ${day.amount}원: ${day.charges.map((c) => `${c.memberName} ${c.orderName} ${c.amount}원`).join(', ')}`,
  );
  const noCard = report.subscriptions.filter((s) => s.count > 0 && !s.hasCard).length;
  lines.push(`앞으로 ${report.days}일 합계 ${report.total.count}건 ${report.total.amount}원`);
  if (noCard > 0) lines.push(`카드가 없어 결제되지 않을 구독 ${noCard}건`);
  if (report.cardsLapsing.length > 0) {
    lines.push(
      `다음 결제 전에 카드 유효기간이 끝나는 구독 ${report.cardsLapsing.length}건 (카드 교체 필요):`,
    );
    for (const card of report.cardsLapsing) {
      const through = `${card.expiryYear}-${String(card.expiryMonth).padStart(2, '0')}`;
      lines.push(
        `  ${card.memberName} ${card.maskedNumber} 유효기간 ${through}, 다음 결제 ${card.nextDate} ${card.orderName}`,
      );
    }
  }
  return lines.join('\n');
}
