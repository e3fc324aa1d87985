import { type FormEvent, useState } from 'react';
import { useApp } from '../../app/app-context.tsx';
import { call } from '../../bridge.ts';
import { ErrorAlert } from '../../components/Alert.tsx';
import { DateRangeFields } from '../../components/DateRangeFields.tsx';
import { downloadText } from '../../components/download.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { addDays, storeDate, storeDayStart } from '../../store-time.ts';

/** The consent records of a date range (store-local days, both included) as CSV. */
export function ConsentExport() {
  const { t } = useI18n();
  const { status } = useApp();
  const today = storeDate(new Date(), status.timeZone);
  const [from, setFrom] = useState(addDays(today, -30));
  const [to, setTo] = useState(today);
  const [failure, setFailure] = useState<string | null>(null);

  async function exportCsv(event: FormEvent) {
    event.preventDefault();
    const result = await call('exportConsents', {
      from: storeDayStart(from, status.timeZone),
      to: storeDayStart(addDays(to, 1), status.timeZone),
    });
    if (!result.ok) return setFailure(result.error.message);
    setFailure(null);
    downloadText(result.value.fileName, result.value.csv, 'text/csv;charset=utf-8');
  }

  return (
    <form className="panel stack" aria-labelledby="consent-export-title" onSubmit={(e) => void exportCsv(e)}>
      <h2 id="consent-export-title">{t('consent.exportTitle')}</h2>
      {failure && <ErrorAlert>{failure}</ErrorAlert>}
      <div className="field-row">
        <DateRangeFields
          prefix="consent-export"
          fromLabel={t('consent.from')}
          toLabel={t('consent.to')}
          from={from}
          to={to}
          onFrom={setFrom}
          onTo={setTo}
        />
      </div>
      <div className="actions">
        <button type="submit">{t('consent.exportCsv')}</button>
      </div>
    </form>
  );
}
