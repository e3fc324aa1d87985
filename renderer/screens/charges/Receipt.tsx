import { useCallback } from 'react';
import { formatMaskedForDisplay } from '../../../shared/card/index.ts';
import { call } from '../../bridge.ts';
import { ErrorAlert } from '../../components/Alert.tsx';
import { RouteLink } from '../../components/RouteLink.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { useFocusOnMount } from '../../components/use-focus-on-mount.ts';
import { useLoad } from '../../components/use-load.ts';
import { useI18n } from '../../i18n/i18n.tsx';

/** '1234567890' → '123-45-67890', as a business number is printed. */
function formatBusinessNumber(digits: string): string {
  return digits.length === 10 ? `${digits.slice(0, 3)}-${digits.slice(3, 5)}-${digits.slice(5)}` : digits;
}

/**
 * The store's own receipt, for paper: the print stylesheet hides everything but `.receipt`. The
 * amounts are the ledger's (the split Toss recorded), never recomputed here; after refunds it
 * says so and prints what the member paid in the end.
 */
export function Receipt({ chargeId }: { chargeId: number }) {
  const { t, won, dateTime } = useI18n();
  const printRef = useFocusOnMount<HTMLButtonElement>();
  const load = useCallback(() => call('getReceipt', { chargeId }), [chargeId]);
  const { data, failure } = useLoad(load);

  if (failure) return <ErrorAlert>{failure}</ErrorAlert>;
  if (!data) return null;
  const { store, member, charge, refunds } = data;
  const refunded = refunds.filter((refund) => refund.status === 'DONE');
  return (
    <section aria-labelledby="receipt-title" className="stack">
      <div className="actions no-print">
        <RouteLink to={{ name: 'charge-detail', id: chargeId }} back>
          {t('receipt.back')}
        </RouteLink>
        <button type="button" ref={printRef} className="button-primary" onClick={() => window.print()}>
          {t('receipt.print')}
        </button>
      </div>
      <article className="receipt panel" data-testid="receipt">
        <h1 id="receipt-title">{t('receipt.title')}</h1>
        <p className="receipt-store">
          <strong>{store.name || t('receipt.storeMissing')}</strong>
        </p>
        <dl className="facts small">
          <dt>{t('receipt.businessNumber')}</dt>
          <dd className="mono">{formatBusinessNumber(store.businessNumber)}</dd>
          <dt>{t('receipt.address')}</dt>
          <dd>{store.address}</dd>
          <dt>{t('receipt.phone')}</dt>
          <dd>{store.phone}</dd>
          <dt>{t('receipt.member')}</dt>
          <dd>
            {member.name} ({member.memberNo})
          </dd>
          <dt>{t('receipt.date')}</dt>
          <dd>{dateTime(charge.resolvedAt ?? charge.createdAt)}</dd>
        </dl>
        <table className="table receipt-items">
          <thead>
            <tr>
              <th scope="col">{t('receipt.item')}</th>
              <th scope="col" className="num">
                {t('charges.colAmount')}
              </th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <td>{charge.orderName}</td>
              <td className="num">{won(charge.amount)}</td>
            </tr>
          </tbody>
        </table>
        {/* Toss's own split of the payment: the three lines add up to the total. */}
        <dl className="facts receipt-sums" data-testid="receipt-sums">
          <dt>{t('home.supplied')}</dt>
          <dd className="num">{won(charge.suppliedAmount ?? 0)}</dd>
          <dt>{t('home.vat')}</dt>
          <dd className="num">{won(charge.vat ?? 0)}</dd>
          <dt>{t('home.taxFree')}</dt>
          <dd className="num">{won(charge.tossTaxFreeAmount ?? 0)}</dd>
          <dt>
            <strong>{t('receipt.total')}</strong>
          </dt>
          <dd className="num">
            <strong>{won(charge.amount)}</strong>
          </dd>
          {refunded.map((refund) => (
            <RefundLine key={refund.id} amount={won(refund.amount)} date={dateTime(refund.createdAt)} />
          ))}
          {refunded.length > 0 && (
            <>
              <dt>
                <strong>{t('receipt.net')}</strong>
              </dt>
              <dd className="num" data-testid="receipt-net">
                <strong>{won(charge.balanceAmount ?? charge.amount)}</strong>
              </dd>
            </>
          )}
        </dl>
        <dl className="facts small">
          <dt>{t('receipt.card')}</dt>
          <dd className="mono">
            {charge.company ?? ''} {formatMaskedForDisplay(charge.maskedNumber)}
          </dd>
          <dt>{t('receipt.status')}</dt>
          <dd data-testid="receipt-status">
            <StatusBadge status={charge.status} amount={charge.amount} balanceAmount={charge.balanceAmount} />
          </dd>
          <dt>{t('receipt.approveNo')}</dt>
          <dd className="mono" data-testid="receipt-approve-no">
            {charge.approveNo}
          </dd>
          <dt>{t('charge.orderId')}</dt>
          <dd className="mono">{charge.orderId}</dd>
        </dl>
      </article>
    </section>
  );
}

function RefundLine({ amount, date }: { amount: string; date: string }) {
  const { t } = useI18n();
  return (
    <>
      <dt>{t('receipt.refund', { date })}</dt>
      <dd className="num">−{amount}</dd>
    </>
  );
}
