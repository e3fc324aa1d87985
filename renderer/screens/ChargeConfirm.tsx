import type { CardViewData } from '../../shared/ipc/index.ts';
import { vatBreakdown } from '../../shared/rules/index.ts';
import { useApp } from '../app/app-context.tsx';
import { CardSummary } from '../components/CardSummary.tsx';
import { LargeConfirm } from '../components/LargeConfirm.tsx';
import { useI18n } from '../i18n/i18n.tsx';

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
  const { status } = useApp();
  // VAT as Toss will compute it for this merchant (design.md invariant 7): what the receipt will
  // show, also where Toss ignores the tax-free part (an ordinary taxable merchant).
  const split = vatBreakdown(amount, taxFree, status.taxFreeApplies !== false);
  const { vat, suppliedAmount: supplied } = split;
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
      <p className="muted">
        {t('charge.confirmVat', { supplied: won(supplied), vat: won(vat) })}
        {split.taxFreeAmount > 0 && ` · ${t('charge.confirmTaxFree', { amount: won(split.taxFreeAmount) })}`}
      </p>
    </LargeConfirm>
  );
}
