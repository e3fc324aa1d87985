import { useCallback, useState } from 'react';
import type { ResponseOf } from '../../../shared/ipc/index.ts';
import { call } from '../../bridge.ts';
import { ErrorAlert, Notice } from '../../components/Alert.tsx';
import { usePagedLog } from '../../components/use-paged-log.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { type ChargeFilter, ChargeFilters } from './ChargeFilters.tsx';
import { ChargeLogTable } from './ChargeLogTable.tsx';

type Cursor = NonNullable<ResponseOf<'listCharges'>['next']>;

/** Every attempt, newest first, filtered by store-local days, status, kind and member; exported as Excel CSV. */
export function ChargesLog({ memberId }: { memberId?: number | undefined }) {
  const { t } = useI18n();
  const [filter, setFilter] = useState<ChargeFilter>(memberId ? { memberId } : {});
  const fetchPage = useCallback(
    (page: { limit: number; before?: Cursor }) => call('listCharges', { ...filter, ...page }),
    [filter],
  );
  const fetchCsv = useCallback(() => call('exportCharges', filter), [filter]);
  const { page, failure, exported, exportCsv, more, dismiss } = usePagedLog(fetchPage, fetchCsv);

  return (
    <section aria-labelledby="charges-title" className="stack">
      <div className="screen-title">
        <h1 id="charges-title">{t('charges.title')}</h1>
        <button type="button" className="button-primary" onClick={() => void exportCsv()}>
          {t('charges.export')}
        </button>
      </div>
      <ChargeFilters initialMemberId={memberId} onApply={setFilter} onEdit={dismiss} />
      {failure && <ErrorAlert>{failure}</ErrorAlert>}
      {exported && <Notice>{t('charges.exported', { fileName: exported })}</Notice>}
      {page && <ChargeLogTable entries={page.entries} />}
      {more && (
        <button type="button" onClick={more}>
          {t('charges.more')}
        </button>
      )}
    </section>
  );
}
