import { type FormEvent, useRef, useState } from 'react';
import type { ChargeViewData } from '../../../shared/ipc/index.ts';
import { call, newRequestId } from '../../bridge.ts';
import { ErrorAlert } from '../../components/Alert.tsx';
import { type Approval, useApproval } from '../../components/ApprovalDialog.tsx';
import { RouteLink } from '../../components/RouteLink.tsx';
import { useFocusOnMount } from '../../components/use-focus-on-mount.ts';
import { useMember } from '../../components/use-member.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ChargeConfirm } from './ChargeConfirm.tsx';
import { ChargeNextSteps, ChargeResult } from './ChargeResult.tsx';
import {
  CHARGE_FIELD_ORDER,
  ChargeFields,
  type ChargeProblems,
  type ChargeValues,
  chargeRequestFields,
  checkChargeValues,
} from './charge-fields.tsx';

type Step =
  | { readonly name: 'edit' }
  /** One requestId per confirmation: every click or Enter on it names the same attempt. */
  | { readonly name: 'confirm'; readonly requestId: string }
  | { readonly name: 'result'; readonly charge: ChargeViewData };

export function Charge({ memberId }: { memberId: number }) {
  const { t } = useI18n();
  const { member, failure: loadFailure } = useMember(memberId);
  const amountRef = useFocusOnMount<HTMLInputElement>();
  const [values, setValues] = useState<ChargeValues>({
    amount: '',
    orderName: t('charge.orderNameDefault'),
    taxFree: '',
  });
  const [problems, setProblems] = useState<ChargeProblems>({});
  const [step, setStep] = useState<Step>({ name: 'edit' });
  const [failure, setFailure] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  // State updates land after the next render; a second click in between must still see "sending".
  const inFlight = useRef(false);
  const approval = useApproval();

  if (loadFailure) return <ErrorAlert>{loadFailure}</ErrorAlert>;
  if (!member) return null;
  const card = member.card;

  function review(event: FormEvent) {
    event.preventDefault();
    const found = checkChargeValues(values);
    setProblems(found);
    const first = CHARGE_FIELD_ORDER.find((field) => found[field]);
    if (first) {
      document.getElementById(`charge-${first}`)?.focus();
      return;
    }
    setFailure(null);
    setStep({ name: 'confirm', requestId: newRequestId() });
  }

  /** Over the operator's cap, the same request (same requestId) goes again with a manager's PIN. */
  async function confirm(requestId: string, approver?: Approval) {
    if (inFlight.current) return null;
    inFlight.current = true;
    setSending(true);
    try {
      const result = await call('charge', {
        memberId,
        ...chargeRequestFields(values),
        requestId,
        ...(approver ? { approval: approver } : {}),
      });
      const resend = (next: Approval) => confirm(requestId, next);
      if (approval.handled(result, resend, approver)) return result;
      if (result.ok) setStep({ name: 'result', charge: result.value });
      else setFailure(result.error.message);
      return result;
    } finally {
      inFlight.current = false;
      setSending(false);
    }
  }

  const request = chargeRequestFields(values);
  return (
    <section aria-labelledby="charge-title" className="stack">
      <RouteLink to={{ name: 'member', id: memberId }} back>
        {member.name}
      </RouteLink>
      <h1 id="charge-title">{t('charge.title', { name: member.name })}</h1>
      {!card && <ErrorAlert>{t('charge.noCard')}</ErrorAlert>}
      {failure && <ErrorAlert>{failure}</ErrorAlert>}
      {card && step.name === 'edit' && (
        <form className="panel" onSubmit={review} noValidate>
          <ChargeFields
            idPrefix="charge"
            values={values}
            onChange={setValues}
            problems={problems}
            amountRef={amountRef}
          />
          <div className="actions">
            <button type="submit" className="button-primary">
              {t('charge.next')}
            </button>
          </div>
        </form>
      )}
      {card && step.name === 'confirm' && (
        <ChargeConfirm
          memberName={member.name}
          card={card}
          amount={request.amount}
          taxFree={request.taxFreeAmount ?? 0}
          orderName={request.orderName}
          sending={sending}
          onConfirm={() => void confirm(step.requestId)}
          onEdit={() => setStep({ name: 'edit' })}
        />
      )}
      {approval.dialog}
      {step.name === 'result' && (
        <ChargeResult charge={step.charge}>
          <ChargeNextSteps
            charge={step.charge}
            memberId={memberId}
            onAnother={() => {
              setFailure(null);
              setStep({ name: 'edit' });
            }}
          />
        </ChargeResult>
      )}
    </section>
  );
}
