import { useCallback } from 'react';
import type { CardViewData } from '../../../shared/ipc/index.ts';
import { vatSplit } from '../../../shared/money/index.ts';
import { call } from '../../bridge.ts';
import { CardSummary } from '../../components/CardSummary.tsx';
import { LargeConfirm } from '../../components/LargeConfirm.tsx';
import { useLoad } from '../../components/use-load.ts';
import { useI18n } from '../../i18n/i18n.tsx';

/** Who, which card and how much, before the charge is sent. */
export function ChargeConfirm({
  memberName,
  card,
  amount,
  taxFree,
  orderName,
  sending,
  onConfirm,
  onEdit,
}: {
  memberName: string;
  card: CardViewData;
  amount: number;
  taxFree: number;
  orderName: string;
  sending: boolean;
  onConfirm: () => void;
  onEdit: () => void;
}) {
  const { t, won } = useI18n();
  return (
    <LargeConfirm
      id="confirm"
      title={t('charge.confirmTitle')}
      confirmLabel={t('charge.confirm')}
      sendingLabel={t('charge.sending')}
      sending={sending}
      onConfirm={onConfirm}
      onEdit={onEdit}
    >
      <dl className="facts facts-large">
        <dt>{t('charge.confirmMember')}</dt>
        <dd data-testid="confirm-member">{memberName}</dd>
        <dt>{t('charge.confirmCard')}</dt>
        <dd>
          <CardSummary card={card} large />
        </dd>
        <dt>{t('charge.confirmOrder')}</dt>
        <dd>{orderName}</dd>
      </dl>
      <p className="amount-huge" data-testid="confirm-amount">
        {won(amount)}
      </p>
      {taxFree > 0 ? (
        <TaxFreeSplit amount={amount} taxFree={taxFree} />
      ) : (
        <Split amount={amount} taxFree={0} />
      )}
    </LargeConfirm>
  );
}

/** The split by invariant 7's formula: what Toss records when it applies this tax-free part. */
function Split({ amount, taxFree }: { amount: number; taxFree: number }) {
  const { t, won } = useI18n();
  const split = vatSplit(amount, taxFree);
  return (
    <p className="muted" data-testid="confirm-split">
      {t('charge.confirmVat', { supplied: won(split.suppliedAmount), vat: won(split.vat) })}
      {taxFree > 0 && ` · ${t('charge.confirmTaxFree', { amount: won(taxFree) })}`}
    </p>
  );
}

/**
 * A tax-free part counts only for tax-free and mixed merchants; a taxable merchant's Toss ignores
 * it (toss-api.md §5.1). The merchant's earlier charges show which it is, so the screen says what
 * Toss will record, and says both when no charge has told yet.
 */
function TaxFreeSplit({ amount, taxFree }: { amount: number; taxFree: number }) {
  const { t, won } = useI18n();
  const load = useCallback(() => call('getTaxFreeTreatment', {}), []);
  const { data } = useLoad(load);
  if (!data) return null;
  if (data.treatment === 'applied') return <Split amount={amount} taxFree={taxFree} />;
  const taxed = vatSplit(amount, 0);
  if (data.treatment === 'ignored') {
    return (
      <>
        <Split amount={amount} taxFree={0} />
        <p className="warn-note" data-testid="confirm-tax-free-note">
          {t('charge.confirmTaxFreeIgnored', { amount: won(taxFree) })}
        </p>
      </>
    );
  }
  return (
    <>
      <Split amount={amount} taxFree={taxFree} />
      <p className="warn-note" data-testid="confirm-tax-free-note">
        {t('charge.confirmTaxFreeUnknown', { supplied: won(taxed.suppliedAmount), vat: won(taxed.vat) })}
      </p>
    </>
  );
}
