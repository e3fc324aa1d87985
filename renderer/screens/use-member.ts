import { useCallback, useEffect, useState } from 'react';
import type { MemberDetailData } from '../../shared/ipc/index.ts';
import { call } from '../bridge.ts';

/** One member with cards and recent charges, loaded on mount and again on `reload`. */
export function useMember(id: number) {
  const [member, setMember] = useState<MemberDetailData | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const reload = useCallback(async () => {
    const result = await call('getMember', { id });
    if (result.ok) {
      setMember(result.value);
      setFailure(null);
    } else {
      setFailure(result.error.message);
    }
  }, [id]);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { member, failure, reload };
}
