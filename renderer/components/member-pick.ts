import type { MemberViewData } from '../../shared/ipc/index.ts';
import { call } from '../bridge.ts';
import type { I18n } from '../i18n/i18n.tsx';

/** What a member field holds: the words typed, and the member they name once one is chosen. */
export interface MemberPick {
  readonly text: string;
  readonly member: MemberViewData | null;
}

export const NO_PICK: MemberPick = { text: '', member: null };

/** How many candidates a picker lists; more means "type more", never a silent first pick. */
export const PICKER_LIMIT = 20;

/** The field's text once a member is chosen: the name with the number that tells namesakes apart. */
export function pickText(member: MemberViewData): string {
  return `${member.name} (${member.memberNo})`;
}

/** A candidate list's own choice: an exact member number always wins, whatever else matched. */
export function exactNumber(
  query: string,
  candidates: readonly MemberViewData[],
): MemberViewData | undefined {
  const wanted = query.trim();
  return wanted === '' ? undefined : candidates.find((member) => member.memberNo === wanted);
}

export type Resolved =
  | { readonly kind: 'none' }
  | { readonly kind: 'member'; readonly member: MemberViewData }
  | { readonly kind: 'error'; readonly message: string };

/**
 * The member a form is about to use. A chosen member stays chosen; typed words name a member only
 * when they are an exact member number or match exactly one member. Namesakes are an error that
 * sends the person to the list: nothing is picked for them.
 */
export async function resolvePick(pick: MemberPick, t: I18n['t']): Promise<Resolved> {
  if (pick.member) return { kind: 'member', member: pick.member };
  const query = pick.text.trim();
  if (query === '') return { kind: 'none' };
  const result = await call('searchMembers', { query, limit: PICKER_LIMIT });
  if (!result.ok) return { kind: 'error', message: result.error.message };
  const exact = exactNumber(query, result.value);
  if (exact) return { kind: 'member', member: exact };
  const [only, ...others] = result.value;
  if (!only) return { kind: 'error', message: t('charges.memberNotFound') };
  if (others.length > 0) {
    return { kind: 'error', message: t('picker.ambiguous', { count: result.value.length }) };
  }
  return { kind: 'member', member: only };
}
