import { useCallback, useEffect, useState } from 'react';
import type { IpcResult } from '../../shared/ipc/index.ts';
import { downloadText } from './download.ts';

const PAGE_SIZE = 50;

interface Page<Entry, Cursor> {
  readonly entries: readonly Entry[];
  readonly next: Cursor | null;
}

/**
 * A log read newest first, a page at a time ("더 보기" appends the next one), and exported as
 * Excel CSV. `fetchPage` and `fetchCsv` carry the screen's filter and must be stable (useCallback):
 * a new filter loads the first page again.
 */
export function usePagedLog<Entry, Cursor>(
  fetchPage: (page: { limit: number; before?: Cursor }) => Promise<IpcResult<Page<Entry, Cursor>>>,
  fetchCsv: () => Promise<IpcResult<{ fileName: string; csv: string }>>,
) {
  const [page, setPage] = useState<Page<Entry, Cursor> | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [exported, setExported] = useState<string | null>(null);

  const load = useCallback(
    async (before?: Cursor) => {
      const result = await fetchPage({ limit: PAGE_SIZE, ...(before ? { before } : {}) });
      if (!result.ok) return setFailure(result.error.message);
      setFailure(null);
      setPage((previous) =>
        before && previous
          ? { entries: [...previous.entries, ...result.value.entries], next: result.value.next }
          : result.value,
      );
    },
    [fetchPage],
  );

  useEffect(() => {
    void load();
  }, [load]);

  async function exportCsv() {
    setExported(null);
    const result = await fetchCsv();
    if (!result.ok) return setFailure(result.error.message);
    downloadText(result.value.fileName, result.value.csv, 'text/csv;charset=utf-8');
    setExported(result.value.fileName);
  }

  /** The person changed the filter: a banner about the last load or export no longer applies. */
  const dismiss = useCallback(() => {
    setFailure(null);
    setExported(null);
  }, []);

  const next = page?.next;
  return {
    dismiss,
    page,
    failure,
    /** The exported file's name, once the download was handed over. */
    exported,
    exportCsv,
    more: next ? () => void load(next) : null,
  };
}
