import type { MemberView } from '../../core/billing/index.ts';
import { commandOptions, required, wholeNumber } from '../args.ts';
import { usageError } from '../cli-error.ts';
import type { Command } from '../command.ts';
import { CLI_ACTOR } from '../context.ts';

const USAGE =
  'usage: desk member add --name NAME [--phone P] [--email E] [--memo M] [--member-no N] | member list [--query Q] [--archived] | member show ID';

/** Members: add, list (or search), show. A member's view carries the masked card only. */
export const memberCommand: Command = async (args, ctx) => {
  const [action, ...rest] = args;
  const billing = await ctx.billing({ toss: false });
  switch (action) {
    case 'add': {
      const { values } = commandOptions(
        rest,
        {
          name: { type: 'string' },
          phone: { type: 'string' },
          email: { type: 'string' },
          memo: { type: 'string' },
          'member-no': { type: 'string' },
        },
        USAGE,
      );
      const member = billing.members.create({
        name: required(values.name, '--name', USAGE),
        memberNo: values['member-no'],
        phone: values.phone,
        email: values.email,
        memo: values.memo,
        actor: CLI_ACTOR,
        operatorId: await ctx.operatorId(),
      });
      return { data: member, text: `회원을 등록했습니다: ${describe(member)}` };
    }
    case 'list': {
      const { values } = commandOptions(
        rest,
        { query: { type: 'string' }, archived: { type: 'boolean' } },
        USAGE,
      );
      const members = billing.members.search({
        ...(values.query === undefined ? {} : { query: values.query }),
        includeArchived: values.archived ?? false,
        limit: 500,
      });
      return { data: members, text: members.length ? members.map(describe).join('\n') : '회원이 없습니다.' };
    }
    case 'show': {
      const [id] = commandOptions(rest, {}, USAGE, 1).positionals;
      const member = billing.members.show(wholeNumber(required(id, 'ID', USAGE), 'ID', USAGE));
      return { data: member, text: describe(member) };
    }
    default:
      throw usageError(`알 수 없는 member 동작입니다: ${action ?? '(없음)'}`, USAGE);
  }
};

function describe(member: MemberView): string {
  const card = member.card ? `${member.card.company ?? '카드'} ${member.card.maskedNumber}` : '카드 없음';
  return `#${member.id} ${member.memberNo} ${member.name}${member.status === 'archived' ? ' (보관됨)' : ''} · ${card}`;
}
