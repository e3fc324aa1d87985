import type { CardViewData } from '../../shared/ipc/index.ts';
import { CardSummary } from '../components/CardSummary.tsx';
import { useFocusOnMount } from '../components/use-focus-on-mount.ts';
import { useI18n } from '../i18n/i18n.tsx';

/** VAT as Toss computes it (design.md invariant 7), so the screen shows what the receipt will. */
function vatSplit(amount: number, taxFree: number) {
  const vat = Math.round((amount - taxFree) / 11);
  return { vat, supplied: amount - taxFree - vat };
}

/**
 * The last look before money moves: who, which card and how much, in large type. The confirm
 * button takes the focus, so Enter confirms; `sending` keeps it disabled while the call runs.
 */
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
  const confirmRef = useFocusOnMount<HTMLButtonElement>();
  const { vat, supplied } = vatSplit(amount, taxFree);
  return (
    <section className="panel confirm" aria-labelledby="confirm-title" aria-busy={sending}>
      <h2 id="confirm-title">{t('charge.confirmTitle')}</h2>
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
      <p className="muted">
        {t('charge.confirmVat', { supplied: won(supplied), vat: won(vat) })}
        {taxFree > 0 && ` · ${t('charge.confirmTaxFree', { amount: won(taxFree) })}`}
      </p>
      {sending && <p aria-live="polite">{t('charge.sending')}</p>}
      <div className="actions">
        <button
          type="button"
          ref={confirmRef}
          className="button-primary button-large"
          disabled={sending}
          onClick={onConfirm}
        >
          {t('charge.confirm')}
        </button>
        <button type="button" disabled={sending} onClick={onEdit}>
          {t('charge.edit')}
        </button>
      </div>
    </section>
  );
}
