import { useCallback, useEffect, useState } from 'react';
import type { IpcResult } from '../../shared/ipc/index.ts';

/**
 * One contract call's answer, loaded on mount and again on `reload` (after an action changed it).
 * `load` must be stable (useCallback), or every render would call again.
 */
export function useLoad<T>(load: () => Promise<IpcResult<T>>) {
  const [data, setData] = useState<T | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const reload = useCallback(async () => {
    const result = await load();
    if (result.ok) {
      setData(result.value);
      setFailure(null);
    } else {
      setFailure(result.error.message);
    }
  }, [load]);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { data, failure, reload };
}
