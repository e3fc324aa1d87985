import { type FormEvent, useCallback, useState } from 'react';
import { usePermission } from '../../app/use-permission.ts';
import { call } from '../../bridge.ts';
import { ErrorAlert } from '../../components/Alert.tsx';
import { TextField } from '../../components/TextField.tsx';
import { useLoad } from '../../components/use-load.ts';
import { type MessageKey, useI18n } from '../../i18n/i18n.tsx';

const REASON_TEXT: Record<'unknown_customer' | 'no_card' | 'unrecorded_period', MessageKey> = {
  unknown_customer: 'unmatched.reasonCustomer',
  no_card: 'unmatched.reasonCard',
  unrecorded_period: 'unmatched.reasonPeriod',
};

/**
 * Part of "확인 필요": payments Toss made after the restored backup that no member, card or period
 * of the ledger could be tied to. A manager closes each with what they found.
 */
export function UnmatchedTossList() {
  const { t, won } = useI18n();
  const load = useCallback(() => call('listUnmatchedTossPayments', {}), []);
  const { data, failure, reload } = useLoad(load);
  const { allowed } = usePermission('resolveUnmatchedTossPayment');
  const [closing, setClosing] = useState<number | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function resolve(event: FormEvent) {
    event.preventDefault();
    if (closing === null) return;
    const result = await call('resolveUnmatchedTossPayment', { id: closing, reason });
    if (!result.ok) return setError(result.error.message);
    setError(null);
    setClosing(null);
    setReason('');
    await reload();
  }

  if (!data || data.length === 0) return failure ? <ErrorAlert>{failure}</ErrorAlert> : null;
  return (
    <section className="panel" aria-labelledby="unmatched-title" data-testid="unmatched-toss">
      <h2 id="unmatched-title">{t('unmatched.title')}</h2>
      <p className="muted">{t('unmatched.intro')}</p>
      {error && <ErrorAlert>{error}</ErrorAlert>}
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('unmatched.at')}</th>
            <th scope="col">{t('unmatched.order')}</th>
            <th scope="col" className="num">
              {t('unmatched.amount')}
            </th>
            <th scope="col">{t('unmatched.why')}</th>
            {allowed && <th scope="col">{t('unmatched.action')}</th>}
          </tr>
        </thead>
        <tbody>
          {data.map((row) => (
            <tr key={row.id}>
              <td>{row.transactionAt.replace('T', ' ').slice(0, 16)}</td>
              <td className="mono">{row.orderId}</td>
              <td className="num">{won(row.amount)}</td>
              <td>{t(REASON_TEXT[row.reason])}</td>
              {allowed && (
                <td>
                  <button type="button" onClick={() => setClosing(row.id)}>
                    {t('unmatched.close')}
                  </button>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {closing !== null && (
        <form onSubmit={(event) => void resolve(event)} noValidate>
          <TextField
            id="unmatched-reason"
            label={t('unmatched.reason')}
            value={reason}
            maxLength={200}
            onChange={(event) => setReason(event.target.value)}
          />
          <div className="actions">
            <button type="submit" className="button-primary">
              {t('unmatched.save')}
            </button>
            <button type="button" onClick={() => setClosing(null)}>
              {t('settings.secretClearCancel')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
