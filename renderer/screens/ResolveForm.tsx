import { useState } from 'react';
import { call } from '../bridge.ts';
import { ReasonForm } from '../components/ReasonForm.tsx';
import { useI18n } from '../i18n/i18n.tsx';

export interface Resolving {
  readonly kind: 'charge' | 'refund';
  readonly id: number;
  readonly amount: number;
}

/** A manager decides by hand, after checking with Toss or the card company, and says why. */
export function ResolveForm({
  resolving,
  onCancel,
  onDone,
}: {
  resolving: Resolving;
  onCancel: () => void;
  onDone: () => void;
}) {
  const { t, won } = useI18n();
  const [happened, setHappened] = useState(false);
  const isCharge = resolving.kind === 'charge';

  async function resolve(reason: string): Promise<string | null> {
    const result = isCharge
      ? await call('resolveCharge', {
          chargeId: resolving.id,
          outcome: happened ? 'charged' : 'not-charged',
          reason,
        })
      : await call('resolveRefund', {
          refundId: resolving.id,
          outcome: happened ? 'refunded' : 'not-refunded',
          reason,
        });
    if (!result.ok) return result.error.message;
    onDone();
    return null;
  }

  return (
    <ReasonForm
      id="resolve"
      title={t(isCharge ? 'review.resolveCharge' : 'review.resolveRefund', { amount: won(resolving.amount) })}
      confirmLabel={t('review.resolveConfirm')}
      onConfirm={resolve}
      onCancel={onCancel}
    >
      <fieldset className="choice">
        <legend>{t('review.outcome')}</legend>
        <label>
          <input
            type="radio"
            name="resolve-outcome"
            checked={!happened}
            onChange={() => setHappened(false)}
          />
          {t(isCharge ? 'review.notCharged' : 'review.notRefunded')}
        </label>
        <label>
          <input type="radio" name="resolve-outcome" checked={happened} onChange={() => setHappened(true)} />
          {t(isCharge ? 'review.charged' : 'review.refunded')}
        </label>
      </fieldset>
    </ReasonForm>
  );
}
