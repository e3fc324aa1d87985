import { useState } from 'react';
import type { IpcError } from '../../../shared/ipc/index.ts';
import { call } from '../../bridge.ts';
import { ReasonForm } from '../../components/ReasonForm.tsx';
import { type I18n, useI18n } from '../../i18n/i18n.tsx';

export interface Resolving {
  readonly kind: 'charge' | 'refund';
  readonly id: number;
  readonly amount: number;
  readonly memberName: string;
}

/** main refuses a decision it cannot check; the codes staff can act on get words of their own. */
export function resolveRefusal(error: IpcError, t: I18n['t']): string {
  return error.code === 'TOSS_UNREACHABLE' ? t('review.tossUnreachable') : error.message;
}

/**
 * A manager decides by hand, after checking with Toss or the card company, and says why. Nothing is
 * preselected: "결제 안 됨" is final (the charge is never sent again), so it must be a choice.
 */
export function ResolveForm({
  resolving,
  onCancel,
  onDone,
}: {
  resolving: Resolving;
  onCancel: () => void;
  onDone: (message: string) => void;
}) {
  const { t, won } = useI18n();
  const [happened, setHappened] = useState<boolean | null>(null);
  const isCharge = resolving.kind === 'charge';

  async function resolve(reason: string): Promise<string | null> {
    if (happened === null) return t('review.outcomeRequired');
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
    if (!result.ok) return resolveRefusal(result.error, t);
    // What was recorded is what Toss showed, which may differ from what was chosen.
    const recorded = result.value.status === 'DONE';
    const outcome = isCharge
      ? t(recorded ? 'review.charged' : 'review.notCharged')
      : t(recorded ? 'review.refunded' : 'review.notRefunded');
    onDone(
      t(isCharge ? 'review.resolvedCharge' : 'review.resolvedRefund', {
        name: resolving.memberName,
        amount: won(resolving.amount),
        outcome,
      }),
    );
    return null;
  }

  const choice = (value: boolean, label: string, hint: string) => (
    <label className="choice-option">
      <input
        type="radio"
        name="resolve-outcome"
        checked={happened === value}
        onChange={() => setHappened(value)}
      />
      <span>
        <strong>{label}</strong>
        <span className="muted small"> {hint}</span>
      </span>
    </label>
  );

  return (
    <ReasonForm
      id="resolve"
      title={`${t(isCharge ? 'review.resolveCharge' : 'review.resolveRefund', { amount: won(resolving.amount) })} · ${resolving.memberName}`}
      confirmLabel={t('review.resolveConfirm')}
      busyNote={t('review.deciding')}
      onConfirm={resolve}
      onCancel={onCancel}
    >
      <p className="muted">{t('review.decideIntro')}</p>
      <fieldset className="choice">
        <legend>{t('review.outcome')}</legend>
        {isCharge
          ? choice(false, t('review.notCharged'), t('review.notChargedHint'))
          : choice(false, t('review.notRefunded'), t('review.notRefundedHint'))}
        {isCharge
          ? choice(true, t('review.charged'), t('review.chargedHint'))
          : choice(true, t('review.refunded'), t('review.refundedHint'))}
      </fieldset>
    </ReasonForm>
  );
}
