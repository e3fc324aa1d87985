import type { ReactNode } from 'react';
import type { ChargeViewData } from '../../shared/ipc/index.ts';
import { useFocusOnMount } from '../components/use-focus-on-mount.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { tossMessageText } from '../toss-message.ts';
import { RecordedSplit } from './RecordedSplit.tsx';

/** The outcome of one attempt, in words a cashier can read out: approval number or Toss's reason. */
export function ChargeResult({ charge, children }: { charge: ChargeViewData; children?: ReactNode }) {
  const { t, won } = useI18n();
  const titleRef = useFocusOnMount<HTMLHeadingElement>();
  const outcome =
    charge.status === 'DONE'
      ? 'done'
      : charge.status === 'DECLINED' || charge.status === 'FAILED'
        ? 'failed'
        : 'unknown';
  const title = {
    done: t('charge.doneTitle'),
    failed: t('charge.failedTitle'),
    unknown: t('charge.unknownTitle'),
  }[outcome];
  return (
    <section
      className={`panel result result-${outcome}`}
      aria-labelledby="charge-result-title"
      data-testid="charge-result"
    >
      <h2 id="charge-result-title" ref={titleRef} tabIndex={-1}>
        {title}
      </h2>
      <p className="amount-large">{won(charge.amount)}</p>
      <dl className="facts">
        {outcome === 'done' && (
          <>
            <dt>{t('charge.approveNo')}</dt>
            <dd className="mono" data-testid="approve-no">
              {charge.approveNo}
            </dd>
            <dt>{t('charges.colSplit')}</dt>
            <dd data-testid="charge-result-split">
              <RecordedSplit charge={charge} />
            </dd>
          </>
        )}
        {outcome === 'failed' && (
          <>
            <dt>{t('charge.reason')}</dt>
            <dd data-testid="toss-reason">{tossMessageText(charge.tossMessage ?? '')}</dd>
          </>
        )}
        <dt>{t('charge.orderId')}</dt>
        <dd className="mono">{charge.orderId}</dd>
      </dl>
      {outcome === 'unknown' && <p>{t('charge.unknownHint')}</p>}
      {outcome === 'done' && charge.receiptUrl && (
        <p>
          <a href={charge.receiptUrl} target="_blank" rel="noreferrer">
            {t('charge.receipt')}
          </a>
        </p>
      )}
      {children}
    </section>
  );
}
