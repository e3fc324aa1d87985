import { call } from '../bridge.ts';
import type { I18n } from '../i18n/i18n.tsx';

/** The member field names one member: an exact member number or name wins, else the only match. */
export async function findMember(query: string, t: I18n['t']): Promise<{ id: number } | { error: string }> {
  const result = await call('searchMembers', { query, limit: 20 });
  if (!result.ok) return { error: result.error.message };
  const exact = result.value.find((member) => member.memberNo === query || member.name === query);
  if (exact) return exact;
  const [only, ...others] = result.value;
  if (!only) return { error: t('charges.memberNotFound') };
  return others.length === 0 ? only : { error: t('charges.memberAmbiguous') };
}
