import { type FormEvent, useState } from 'react';
import { type CardField, type CardSwipe, validateCardInput } from '../../../shared/card/index.ts';
import type { ChargeViewData, IpcResult, RequestOf } from '../../../shared/ipc/index.ts';
import { useApp } from '../../app/app-context.tsx';
import { call, newRequestId } from '../../bridge.ts';
import { ErrorAlert } from '../../components/Alert.tsx';
import { type Approval, useApproval } from '../../components/ApprovalDialog.tsx';
import { TextField } from '../../components/TextField.tsx';
import { useFocusOnMount } from '../../components/use-focus-on-mount.ts';
import { useMember } from '../../components/use-member.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { CardNumberField } from './CardNumberField.tsx';
import { ChargeNextSteps, ChargeResult } from './ChargeResult.tsx';
import { formatExpiryTyping, identityDigits } from './card-typing.ts';
import {
  CHARGE_FIELD_ORDER,
  ChargeFields,
  type ChargeProblems,
  type ChargeValues,
  chargeRequestFields,
  checkChargeValues,
} from './charge-fields.tsx';

/** Card data lives only here, and only until the form is sent (design.md invariant 2). */
interface CardDraft {
  readonly number: string;
  readonly expiry: string;
  readonly identity: string;
  readonly password: string;
}

const EMPTY_CARD: CardDraft = { number: '', expiry: '', identity: '', password: '' };
const CARD_FIELD_ORDER: readonly CardField[] = ['number', 'expiry', 'identity', 'password'];
const CARD_FIELD_IDS: Readonly<Record<CardField, string>> = {
  number: 'card-number',
  expiry: 'card-expiry',
  identity: 'card-identity',
  password: 'card-password',
};

type CardErrors = Partial<Record<CardField, string>>;

export function RegisterCard({ memberId }: { memberId: number }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { navigate, status } = useApp();
  const { member, failure: loadFailure } = useMember(memberId);
  const numberRef = useFocusOnMount<HTMLInputElement>();
  const windowReady = status.clientKeyStatus.configured && status.clientKeyStatus.matchesKeyMode;
  // Without a key-in contract the form asks for no card data at all: Toss's window takes it.
  const keyIn = status.keyInEnabled;
  const mode = status.keyStatus.mode ?? 'test';
  const [card, setCard] = useState<CardDraft>(EMPTY_CARD);
  const [consent, setConsent] = useState(false);
  const [withCharge, setWithCharge] = useState(false);
  const [charge, setCharge] = useState<ChargeValues>({
    amount: '',
    orderName: t('charge.orderNameDefault'),
    taxFree: '',
  });
  const [cardErrors, setCardErrors] = useState<CardErrors>({});
  const [consentError, setConsentError] = useState<string | undefined>();
  const [chargeProblems, setChargeProblems] = useState<ChargeProblems>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [firstCharge, setFirstCharge] = useState<ChargeViewData | null>(null);
  const approval = useApproval({
    onCancel: () => {
      setFailure(t('approval.registerCanceled'));
      document.getElementById(CARD_FIELD_IDS.number)?.focus();
    },
  });

  if (loadFailure) return <ErrorAlert>{loadFailure}</ErrorAlert>;
  if (!member) return null;

  const update = (field: keyof CardDraft) => (value: string) =>
    setCard((previous) => ({ ...previous, [field]: value }));

  /** A read fills number and expiry and moves on; a bad read empties both, so nothing half-read stays. */
  function swiped(read: CardSwipe) {
    setCard((previous) => ({
      ...previous,
      number: read.ok ? read.number : '',
      expiry: read.ok ? formatExpiryTyping(read.expiry.month + read.expiry.year) : '',
    }));
    setCardErrors((previous) => ({
      ...previous,
      number: read.ok ? undefined : i18n.cardError(read.code),
      expiry: undefined,
    }));
    if (read.ok) document.getElementById(CARD_FIELD_IDS.identity)?.focus();
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const checked = validateCardInput(
      { number: card.number, expiry: card.expiry, identity: card.identity, password: card.password },
      { mode, now: new Date() },
    );
    const errors: CardErrors = {};
    if (!checked.ok) {
      for (const field of CARD_FIELD_ORDER) {
        const problem = checked.errors[field];
        if (problem) errors[field] = i18n.cardError(problem.code);
      }
    }
    const chargeFound = withCharge ? checkChargeValues(charge) : {};
    setCardErrors(errors);
    setConsentError(consent ? undefined : t('register.consentRequired'));
    setChargeProblems(chargeFound);
    const firstInvalid =
      CARD_FIELD_ORDER.filter((field) => errors[field]).map((field) => CARD_FIELD_IDS[field])[0] ??
      (consent ? undefined : 'card-consent') ??
      CHARGE_FIELD_ORDER.filter((field) => chargeFound[field]).map((field) => `first-charge-${field}`)[0];
    if (!checked.ok || firstInvalid) {
      if (firstInvalid) document.getElementById(firstInvalid)?.focus();
      return;
    }

    const fields = checked.value;
    const request: RequestOf<'registerCard'> = {
      memberId,
      card: {
        cardNumber: fields.cardNumber,
        expiryMonth: fields.cardExpirationMonth,
        expiryYear: fields.cardExpirationYear,
        identity: fields.customerIdentityNumber,
        ...(fields.cardPassword === undefined ? {} : { password: fields.cardPassword }),
      },
      ...(withCharge ? { firstCharge: { ...chargeRequestFields(charge), requestId: newRequestId() } } : {}),
    };
    const amount = request.firstCharge?.amount;
    if (amount !== undefined) {
      // Asked before the card is sent: once sent, card data is gone from the form and from memory,
      // so a first charge over the cap is approved first and then sent once, with the approval.
      const check = await call('checkChargeApproval', { amount });
      if (!check.ok) return setFailure(check.error.message);
      if (check.value.approvalRequired) {
        approval.ask(check.value.message ?? '', async (approver) => {
          const verified = await call('checkChargeApproval', { amount, approval: approver });
          if (verified.ok) await send(request, approver);
          return verified;
        });
        return;
      }
    }
    await send(request);
  }

  /**
   * Sends the card once. The number and the card password are wiped before the answer, whatever
   * it is; the rest (expiry, birth date or business number, consent, the first charge) stays on
   * the form, so after a refused card the person types only the number and password again.
   */
  async function send(request: RequestOf<'registerCard'>, approver?: Approval) {
    setCard((typed) => ({ ...EMPTY_CARD, expiry: typed.expiry, identity: typed.identity }));
    setFailure(null);
    setSending(true);
    const result = await call(
      'registerCard',
      approver && request.firstCharge
        ? { ...request, firstCharge: { ...request.firstCharge, approval: approver } }
        : request,
    );
    setSending(false);
    if (result.ok) {
      setCard(EMPTY_CARD);
      if (result.value.charge) setFirstCharge(result.value.charge);
      else navigate({ name: 'member', id: memberId, notice: t('member.cardRegistered') });
      return;
    }
    const fromCore = result.error.details?.fields ?? {};
    setCardErrors(
      Object.fromEntries(
        CARD_FIELD_ORDER.filter((field) => fromCore[field]).map((field) => [field, fromCore[field]?.message]),
      ),
    );
    setFailure(`${result.error.message} ${t('register.failed')}`);
    document.getElementById(CARD_FIELD_IDS.number)?.focus();
  }

  /**
   * Toss's own registration window (stores without a key-in contract): the card is typed there,
   * never here. Consent and a first charge work as in key-in; an approval is asked the usual way.
   */
  async function registerByWindow() {
    const chargeFound = withCharge ? checkChargeValues(charge) : {};
    setConsentError(consent ? undefined : t('register.consentRequired'));
    setChargeProblems(chargeFound);
    if (!consent || CHARGE_FIELD_ORDER.some((field) => chargeFound[field])) return;
    await openWindow(withCharge ? { ...chargeRequestFields(charge), requestId: newRequestId() } : undefined);
  }

  async function openWindow(
    first: RequestOf<'registerCardByWindow'>['firstCharge'],
    approver?: Approval,
  ): Promise<IpcResult<unknown>> {
    setFailure(null);
    setSending(true);
    const result = await call('registerCardByWindow', {
      memberId,
      ...(first ? { firstCharge: approver ? { ...first, approval: approver } : first } : {}),
    });
    setSending(false);
    if (approval.handled(result, (next) => openWindow(first, next), approver)) return result;
    if (!result.ok) {
      setFailure(result.error.message);
    } else if (!result.value.registration) {
      setFailure(t('register.windowCanceled'));
    } else if (result.value.registration.charge) {
      setFirstCharge(result.value.registration.charge);
    } else {
      navigate({ name: 'member', id: memberId, notice: t('member.cardRegistered') });
    }
    return result;
  }

  if (firstCharge) {
    return (
      <section aria-labelledby="register-title" className="stack">
        <h1 id="register-title">{t('register.title', { name: member.name })}</h1>
        <p>{t('member.cardRegistered')}</p>
        <ChargeResult charge={firstCharge}>
          <ChargeNextSteps charge={firstCharge} memberId={memberId} />
        </ChargeResult>
      </section>
    );
  }

  return (
    <section aria-labelledby="register-title" className="stack">
      <button type="button" className="link back" onClick={() => navigate({ name: 'member', id: memberId })}>
        ← {member.name}
      </button>
      <h1 id="register-title">{t('register.title', { name: member.name })}</h1>
      {failure && <ErrorAlert>{failure}</ErrorAlert>}
      <form
        className="panel"
        onSubmit={(event) => {
          if (keyIn) return void submit(event);
          event.preventDefault();
          if (windowReady) void registerByWindow();
        }}
        noValidate
        aria-busy={sending}
      >
        {keyIn ? (
          <>
            <CardNumberField
              ref={numberRef}
              digits={card.number}
              onDigits={update('number')}
              label={t('register.number')}
              error={cardErrors.number}
              mode={mode}
              onSwipe={swiped}
            />
            <div className="field-row">
              <TextField
                id="card-expiry"
                label={t('register.expiry')}
                inputMode="numeric"
                autoComplete="off"
                placeholder="MM/YY"
                maxLength={5}
                value={card.expiry}
                onChange={(event) => update('expiry')(formatExpiryTyping(event.target.value))}
                error={cardErrors.expiry}
              />
              <TextField
                id="card-identity"
                label={t('register.identity')}
                inputMode="numeric"
                autoComplete="off"
                value={card.identity}
                onChange={(event) => update('identity')(identityDigits(event.target.value))}
                error={cardErrors.identity}
              />
              <TextField
                id="card-password"
                label={t('register.password')}
                type="password"
                inputMode="numeric"
                autoComplete="off"
                maxLength={2}
                value={card.password}
                onChange={(event) => update('password')(event.target.value.replace(/\D/g, ''))}
                error={cardErrors.password}
              />
            </div>
          </>
        ) : (
          <p className="muted">{t(windowReady ? 'register.keyInOff' : 'register.windowNotReady')}</p>
        )}
        <div className="field field-check">
          <input
            id="card-consent"
            type="checkbox"
            checked={consent}
            onChange={(event) => setConsent(event.target.checked)}
            aria-invalid={consentError ? true : undefined}
            aria-describedby={consentError ? 'card-consent-error' : undefined}
          />
          <label htmlFor="card-consent">{t('register.consent')}</label>
          {consentError && (
            <p id="card-consent-error" className="field-error">
              {consentError}
            </p>
          )}
        </div>
        <div className="field field-check">
          <input
            id="card-first-charge"
            type="checkbox"
            checked={withCharge}
            onChange={(event) => setWithCharge(event.target.checked)}
          />
          <label htmlFor="card-first-charge">{t('register.firstCharge')}</label>
        </div>
        {withCharge && (
          <ChargeFields
            idPrefix="first-charge"
            values={charge}
            onChange={setCharge}
            problems={chargeProblems}
          />
        )}
        {sending && <p aria-live="polite">{t('register.sending')}</p>}
        <div className="actions">
          {keyIn && (
            <button type="submit" className="button-primary" disabled={sending}>
              {withCharge ? t('register.submitAndCharge') : t('register.submit')}
            </button>
          )}
          {windowReady && (
            <button
              type="button"
              className={keyIn ? undefined : 'button-primary'}
              disabled={sending}
              onClick={() => void registerByWindow()}
            >
              {t('register.window')}
            </button>
          )}
          <button type="button" disabled={sending} onClick={() => navigate({ name: 'member', id: memberId })}>
            {t('register.cancel')}
          </button>
        </div>
      </form>
      {approval.dialog}
    </section>
  );
}
