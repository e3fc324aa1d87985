import { useCallback, useEffect, useState } from 'react';
import type { CallOptions, IpcResult } from '../../shared/ipc/index.ts';

/**
 * One contract call's answer, loaded on mount and again on `reload` (after an action changed it).
 * `load` must be stable (useCallback), or every render would call again.
 */
export function useLoad<T>(load: (options?: CallOptions) => Promise<IpcResult<T>>) {
  const [data, setData] = useState<T | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  /** `options`: BACKGROUND when an event, not a person, asks for the fresh answer. */
  const reload = useCallback(
    async (options?: CallOptions) => {
      const result = await load(options);
      if (result.ok) {
        setData(result.value);
        setFailure(null);
      } else {
        setFailure(result.error.message);
      }
    },
    [load],
  );

  useEffect(() => {
    void reload();
  }, [reload]);

  return { data, failure, reload };
}
