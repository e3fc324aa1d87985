import { useCallback } from 'react';
import { call } from '../bridge.ts';
import { useLoad } from './use-load.ts';

/** One member with cards and recent charges, loaded on mount and again on `reload`. */
export function useMember(id: number) {
  const load = useCallback(() => call('getMember', { id }), [id]);
  const { data: member, failure, reload } = useLoad(load);
  return { member, failure, reload };
}
