import { type FormEvent, useRef, useState } from 'react';
import type { ChargeViewData, IpcResult, RefundViewData } from '../../../shared/ipc/index.ts';
import { call, newRequestId } from '../../bridge.ts';
import { ErrorAlert } from '../../components/Alert.tsx';
import { type Approval, useApproval } from '../../components/ApprovalDialog.tsx';
import { FormActions } from '../../components/FormActions.tsx';
import { fieldMessages } from '../../components/field-messages.ts';
import { LargeConfirm } from '../../components/LargeConfirm.tsx';
import { TextField } from '../../components/TextField.tsx';
import { useFocusOnMount } from '../../components/use-focus-on-mount.ts';
import { amountText, amountTextProblem, formatAmountText } from '../../format.ts';
import { type MessageKey, useI18n } from '../../i18n/i18n.tsx';
import { tossMessageText } from '../../toss-message.ts';

type Problems = Partial<Record<'amount' | 'reason', MessageKey>>;

/**
 * Full or partial refund: amount and a required reason, then a confirmation in large type with one
 * requestId, so a repeated click or Enter asks main for the same refund, never a second one.
 */
export function RefundForm({
  charge,
  balance,
  onCancel,
  onDone,
}: {
  charge: ChargeViewData;
  balance: number;
  onCancel: () => void;
  onDone: (message: string) => void;
}) {
  const { t, won } = useI18n();
  const [partial, setPartial] = useState(false);
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const [problems, setProblems] = useState<Problems>({});
  // Main's own refusals per field (another counter refunded meanwhile: the balance shown is stale).
  const [refused, setRefused] = useState<Partial<Record<string, string>>>({});
  const [confirming, setConfirming] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const inFlight = useRef(false);
  const fullRef = useFocusOnMount<HTMLInputElement>();
  const approval = useApproval({ submitLabel: t('refund.approveSubmit') });
  const refundAmount = partial ? Number(amount) : balance;

  function review(event: FormEvent) {
    event.preventDefault();
    const found: Problems = {};
    const typed = partial ? amountTextProblem(amount) : null;
    if (typed) found.amount = typed;
    else if (partial && (amount === '' || Number(amount) < 1)) found.amount = 'refund.amountRequired';
    else if (partial && Number(amount) > balance) found.amount = 'refund.amountTooLarge';
    if (reason.trim() === '') found.reason = 'review.reasonRequired';
    setProblems(found);
    setRefused({});
    const first = (['amount', 'reason'] as const).find((field) => found[field]);
    if (first) {
      document.getElementById(`refund-${first}`)?.focus();
      return;
    }
    setFailure(null);
    setConfirming(newRequestId());
  }

  /** A staff refund goes again, same requestId, with the manager's PIN from the approval dialog. */
  async function confirm(requestId: string, approver?: Approval) {
    if (inFlight.current) return null;
    inFlight.current = true;
    setSending(true);
    const result = await call('refund', {
      chargeId: charge.id,
      amount: refundAmount,
      reason: reason.trim(),
      requestId,
      ...(approver ? { approval: approver } : {}),
    });
    inFlight.current = false;
    setSending(false);
    if (approval.handled(result, (next) => confirm(requestId, next), approver)) return result;
    settle(result);
    return result;
  }

  function settle(result: IpcResult<RefundViewData>) {
    if (!result.ok) {
      setConfirming(null);
      // Next to its field when the field is on screen (the amount only for a partial refund).
      const fields = fieldMessages(result.error);
      const shown = { ...(partial && fields.amount ? { amount: fields.amount } : {}), reason: fields.reason };
      setRefused(shown);
      return setFailure(shown.amount || shown.reason ? null : result.error.message);
    }
    const refund = result.value;
    if (refund.status === 'DONE') {
      onDone(t('refund.done', { amount: won(refund.amount), balance: won(refund.chargeBalance ?? 0) }));
    } else if (refund.status === 'UNKNOWN' || refund.status === 'PENDING') {
      onDone(t('refund.unknown'));
    } else {
      setConfirming(null);
      setFailure(refund.tossMessage === null ? t('refund.failed') : tossMessageText(refund.tossMessage));
    }
  }

  if (confirming) {
    return (
      <>
        <ConfirmRefund
          amount={refundAmount}
          reason={reason.trim()}
          sending={sending}
          onConfirm={() => void confirm(confirming)}
          onEdit={() => setConfirming(null)}
        />
        {approval.dialog}
      </>
    );
  }
  const message = (field: keyof Problems) => {
    const key = problems[field];
    return key ? t(key) : refused[field];
  };
  return (
    <form className="panel" aria-labelledby="refund-title" onSubmit={review} noValidate>
      <h2 id="refund-title">{t('refund.title')}</h2>
      {failure && <ErrorAlert>{failure}</ErrorAlert>}
      <fieldset className="choice">
        <legend>{t('refund.kind')}</legend>
        <label>
          <input
            type="radio"
            name="refund-kind"
            ref={fullRef}
            checked={!partial}
            onChange={() => setPartial(false)}
          />
          {t('refund.full', { amount: won(balance) })}
        </label>
        <label>
          <input type="radio" name="refund-kind" checked={partial} onChange={() => setPartial(true)} />
          {t('refund.partial')}
        </label>
      </fieldset>
      <div className="field-row">
        {partial && (
          <TextField
            id="refund-amount"
            label={t('refund.amount')}
            hint={t('refund.balance', { amount: won(balance) })}
            inputMode="numeric"
            autoComplete="off"
            className="field-amount"
            value={formatAmountText(amount)}
            onChange={(event) => setAmount(amountText(event.target.value))}
            error={message('amount')}
          />
        )}
        <TextField
          id="refund-reason"
          label={t('review.reason')}
          value={reason}
          maxLength={400}
          onChange={(event) => setReason(event.target.value)}
          error={message('reason')}
        />
      </div>
      <FormActions submitLabel={t('refund.next')} onCancel={onCancel} />
    </form>
  );
}

function ConfirmRefund({
  amount,
  reason,
  sending,
  onConfirm,
  onEdit,
}: {
  amount: number;
  reason: string;
  sending: boolean;
  onConfirm: () => void;
  onEdit: () => void;
}) {
  const { t, won } = useI18n();
  return (
    <LargeConfirm
      id="refund-confirm"
      title={t('refund.confirmTitle')}
      confirmLabel={t('refund.confirm')}
      sendingLabel={t('refund.sending')}
      danger
      sending={sending}
      onConfirm={onConfirm}
      onEdit={onEdit}
    >
      <p className="amount-huge" data-testid="refund-confirm-amount">
        {won(amount)}
      </p>
      <p>
        {t('review.reason')}: {reason}
      </p>
    </LargeConfirm>
  );
}
