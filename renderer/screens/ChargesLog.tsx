import { useCallback, useEffect, useState } from 'react';
import type { ResponseOf } from '../../shared/ipc/index.ts';
import { call } from '../bridge.ts';
import { ErrorAlert, Notice } from '../components/Alert.tsx';
import { downloadText } from '../components/download.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { type ChargeFilter, ChargeFilters } from './ChargeFilters.tsx';
import { ChargeLogTable } from './ChargeLogTable.tsx';

type Page = ResponseOf<'listCharges'>;
const PAGE_SIZE = 50;

/** Every attempt, newest first, filtered by store-local days, status and member; exported as Excel CSV. */
export function ChargesLog({ memberId }: { memberId?: number | undefined }) {
  const { t } = useI18n();
  const [filter, setFilter] = useState<ChargeFilter>(memberId ? { memberId } : {});
  const [page, setPage] = useState<Page | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [exported, setExported] = useState<string | null>(null);

  const load = useCallback(
    async (before?: Page['next']) => {
      const result = await call('listCharges', {
        ...filter,
        limit: PAGE_SIZE,
        ...(before ? { before } : {}),
      });
      if (!result.ok) return setFailure(result.error.message);
      setFailure(null);
      setPage((previous) =>
        before && previous
          ? { entries: [...previous.entries, ...result.value.entries], next: result.value.next }
          : result.value,
      );
    },
    [filter],
  );

  useEffect(() => {
    void load();
  }, [load]);

  async function exportCsv() {
    setExported(null);
    const result = await call('exportCharges', filter);
    if (!result.ok) return setFailure(result.error.message);
    downloadText(result.value.fileName, result.value.csv, 'text/csv;charset=utf-8');
    setExported(t('charges.exported', { fileName: result.value.fileName }));
  }

  return (
    <section aria-labelledby="charges-title" className="stack">
      <div className="screen-title">
        <h1 id="charges-title">{t('charges.title')}</h1>
        <button type="button" className="button-primary" onClick={() => void exportCsv()}>
          {t('charges.export')}
        </button>
      </div>
      <ChargeFilters initialMemberId={memberId} onApply={setFilter} />
      {failure && <ErrorAlert>{failure}</ErrorAlert>}
      {exported && <Notice>{exported}</Notice>}
      {page && <ChargeLogTable entries={page.entries} />}
      {page?.next && (
        <button type="button" onClick={() => void load(page.next)}>
          {t('charges.more')}
        </button>
      )}
    </section>
  );
}
