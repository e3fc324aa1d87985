import type { ReactNode } from 'react';
import type { ChargeViewData } from '../../../shared/ipc/index.ts';
import { useApp } from '../../app/app-context.tsx';
import { usePermission } from '../../app/use-permission.ts';
import { PermissionHint } from '../../components/PermissionHint.tsx';
import { RecordedSplit } from '../../components/RecordedSplit.tsx';
import { useFocusOnMount } from '../../components/use-focus-on-mount.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { tossMessageText } from '../../toss-message.ts';
import { needsNewCard } from './card-refusal.ts';

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

/** Toss's answer never came (or is still on its way): a second click could charge twice. */
const isUnknown = (charge: ChargeViewData) => charge.status === 'UNKNOWN' || charge.status === 'PENDING';

/**
 * What to do after a result. While the outcome is unknown the one safe next step is the "확인
 * 필요" queue, never a second charge next to "다시 결제하지 마세요"; `onAnother` is offered only
 * once the outcome is known.
 */
export function ChargeNextSteps({
  charge,
  memberId,
  onAnother,
}: {
  charge: ChargeViewData;
  memberId: number;
  onAnother?: () => void;
}) {
  const { t } = useI18n();
  const { navigate } = useApp();
  const cardChange = usePermission('removeCard');
  const toMember = () => navigate({ name: 'member', id: memberId });
  if (isUnknown(charge)) {
    return (
      <div className="actions">
        <button type="button" className="button-primary" onClick={() => navigate({ name: 'review' })}>
          {t('charge.toReview')}
        </button>
        <button type="button" onClick={toMember}>
          {t('charge.backToMember')}
        </button>
      </div>
    );
  }
  return (
    <div className="actions">
      <button type="button" className="button-primary" onClick={toMember}>
        {t('charge.backToMember')}
      </button>
      {needsNewCard(charge) ? (
        // Replacing deletes the old billing key at Toss: a manager's call, as the core rules.
        cardChange.allowed ? (
          <button type="button" onClick={() => navigate({ name: 'register-card', memberId })}>
            {t('member.replaceCard')}
          </button>
        ) : (
          <PermissionHint action="removeCard" />
        )
      ) : (
        onAnother && (
          <button type="button" onClick={onAnother}>
            {t('charge.another')}
          </button>
        )
      )}
    </div>
  );
}
