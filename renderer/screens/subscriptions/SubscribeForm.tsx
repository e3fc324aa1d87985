import { type FormEvent, useState } from 'react';
import type {
  MemberViewData,
  PlanViewData,
  SubscriptionPreviewData,
  SubscriptionViewData,
} from '../../../shared/ipc/index.ts';
import { useApp } from '../../app/app-context.tsx';
import { call } from '../../bridge.ts';
import { ErrorAlert } from '../../components/Alert.tsx';
import { FormActions } from '../../components/FormActions.tsx';
import { showRefusal } from '../../components/field-messages.ts';
import { MemberCombobox } from '../../components/MemberCombobox.tsx';
import { type MemberPick, NO_PICK, pickText, resolvePick } from '../../components/member-pick.ts';
import { TextField } from '../../components/TextField.tsx';
import { useFocusOnMount } from '../../components/use-focus-on-mount.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { storeDate } from '../../store-time.ts';
import type { ConsentInput } from '../consent/ConsentForm.tsx';
import { ConsentSlip } from '../consent/ConsentSlip.tsx';
import { ConsentStep } from '../consent/ConsentStep.tsx';

/** What the person chose, once the member is known: every later step reads it, none edits it. */
export interface SubscribeChoice {
  readonly member: MemberViewData;
  readonly plan: PlanViewData;
  readonly anchorDate: string;
}

/**
 * The form's steps. Edit, then (only when something deserves a second look) a check that says
 * what will happen, then the member's consent (invariant 12: the member sees the terms and agrees
 * before the subscription exists), then the consent slip to print for the member. The subscription
 * exists from the consent step on: the slip is shown beside what was created, not instead of it.
 */
type Step =
  | { readonly name: 'edit' }
  | {
      readonly name: 'check';
      readonly choice: SubscribeChoice;
      readonly preview: SubscriptionPreviewData;
    }
  | {
      readonly name: 'consent';
      readonly choice: SubscribeChoice;
      /** Kept in the step, so the terms load once and not on every render. */
      readonly request: { memberId: number; planId: number; anchorDate: string };
    }
  | { readonly name: 'slip'; readonly consentId: number };

/** Nothing to warn about: a card is on file and no charge date has passed yet. */
const needsCheck = (preview: SubscriptionPreviewData) => !preview.hasCard || preview.dueNow > 0;

/**
 * A member on a plan from an anchor day: the day of the month (or week…) every charge falls on.
 * `onCreated` runs as soon as the subscription exists (the consent slip may still be open);
 * `onDone` when the form is finished with.
 */
export function SubscribeForm({
  plans,
  onCancel,
  onCreated,
  onDone,
}: {
  plans: readonly PlanViewData[];
  onCancel: () => void;
  onCreated: (created: SubscriptionViewData) => void;
  onDone: () => void;
}) {
  const { t, won } = useI18n();
  const { status } = useApp();
  const memberRef = useFocusOnMount<HTMLInputElement>();
  const [pick, setPick] = useState<MemberPick>(NO_PICK);
  const [planId, setPlanId] = useState(plans[0]?.id ?? 0);
  const [anchorDate, setAnchorDate] = useState(() => storeDate(new Date(), status.timeZone));
  const [errors, setErrors] = useState<Partial<Record<string, string>>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [step, setStep] = useState<Step>({ name: 'edit' });

  function memberError(message: string) {
    setErrors({ member: message });
    document.getElementById('subscribe-member')?.focus();
  }

  // No subscribe call before this step: the consent is part of the request that creates it.
  const askConsent = (choice: SubscribeChoice) =>
    setStep({
      name: 'consent',
      choice,
      request: { memberId: choice.member.id, planId: choice.plan.id, anchorDate: choice.anchorDate },
    });

  async function subscribeWithConsent(
    choice: SubscribeChoice,
    request: { memberId: number; planId: number; anchorDate: string },
    consent: ConsentInput,
  ) {
    const result = await call('subscribe', { ...request, consent });
    if (!result.ok) {
      setStep({ name: 'edit' });
      showRefusal(result.error, setErrors, setFailure);
      return null;
    }
    const created = result.value;
    onCreated(created);
    const consents = await call('listConsents', { memberId: choice.member.id });
    const recorded = consents.ok
      ? consents.value.find((c) => c.subscriptionId === created.id && c.kind === 'subscription')
      : undefined;
    if (recorded) setStep({ name: 'slip', consentId: recorded.id });
    else onDone();
    return null;
  }

  async function review(event: FormEvent) {
    event.preventDefault();
    const plan = plans.find((candidate) => candidate.id === planId);
    if (!plan) return setFailure(t('subs.noPlans'));
    setBusy(true);
    try {
      const resolved = await resolvePick(pick, t);
      if (resolved.kind === 'none') return memberError(t('subs.memberRequired'));
      if (resolved.kind === 'error') return memberError(resolved.message);
      setPick({ text: pickText(resolved.member), member: resolved.member });
      setErrors({});
      const choice = { member: resolved.member, plan, anchorDate };
      const preview = await call('previewSubscription', {
        memberId: choice.member.id,
        planId: plan.id,
        anchorDate,
      });
      if (!preview.ok) return showRefusal(preview.error, setErrors, setFailure);
      setFailure(null);
      if (needsCheck(preview.value)) return setStep({ name: 'check', choice, preview: preview.value });
      askConsent(choice);
    } finally {
      setBusy(false);
    }
  }

  if (step.name === 'slip') return <ConsentSlip consentId={step.consentId} onClose={onDone} />;
  if (step.name === 'consent') {
    const { choice, request } = step;
    return (
      <ConsentStep
        request={request}
        onBack={() => setStep({ name: 'edit' })}
        onConsent={(consent) => subscribeWithConsent(choice, request, consent)}
      />
    );
  }
  if (step.name === 'check') {
    return (
      <SubscribeCheck
        choice={step.choice}
        preview={step.preview}
        busy={busy}
        onConfirm={() => askConsent(step.choice)}
        onBack={() => setStep({ name: 'edit' })}
      />
    );
  }

  return (
    <form
      className="panel panel-inline"
      aria-labelledby="subscribe-title"
      onSubmit={(e) => void review(e)}
      noValidate
    >
      <h3 id="subscribe-title">{t('subs.formTitle')}</h3>
      {failure && <ErrorAlert>{failure}</ErrorAlert>}
      <div className="field-row">
        <MemberCombobox
          id="subscribe-member"
          ref={memberRef}
          label={t('charges.member')}
          hint={t('members.searchHint')}
          pick={pick}
          onPick={(next) => {
            setErrors({});
            setPick(next);
          }}
          error={errors.member ?? errors.memberId}
        />
        <div className="field">
          <label htmlFor="subscribe-plan">{t('subs.plan')}</label>
          <select
            id="subscribe-plan"
            value={planId}
            onChange={(event) => setPlanId(Number(event.target.value))}
          >
            {plans.map((plan) => (
              <option key={plan.id} value={plan.id}>
                {plan.name} · {won(plan.amount)}
              </option>
            ))}
          </select>
        </div>
        <TextField
          id="subscribe-anchor"
          type="date"
          label={t('subs.anchorDate')}
          hint={t('subs.anchorHint')}
          value={anchorDate}
          onChange={(event) => setAnchorDate(event.target.value)}
          error={errors.anchorDate}
        />
      </div>
      <FormActions submitLabel={t('subs.subscribe')} busy={busy} onCancel={onCancel} />
    </form>
  );
}

/** Says what subscribing will do when it is not plain: no card to charge, or dates already past. */
function SubscribeCheck({
  choice,
  preview,
  busy,
  onConfirm,
  onBack,
}: {
  choice: SubscribeChoice;
  preview: SubscriptionPreviewData;
  busy: boolean;
  onConfirm: () => void;
  onBack: () => void;
}) {
  const { t, won, dateTime } = useI18n();
  const titleRef = useFocusOnMount<HTMLHeadingElement>();
  return (
    <section
      className="panel panel-inline"
      aria-labelledby="subscribe-check-title"
      data-testid="subscribe-check"
    >
      <h3 id="subscribe-check-title" ref={titleRef} tabIndex={-1}>
        {t('subs.checkTitle')}
      </h3>
      <p>
        {pickText(choice.member)} · {choice.plan.name} · {won(choice.plan.amount)}
      </p>
      <div className="alert alert-warn" role="alert">
        {!preview.hasCard && <p>{t('subs.warnNoCard', { name: choice.member.name })}</p>}
        {preview.dueNow > 0 && (
          <p>{t('subs.warnPast', { anchorDate: choice.anchorDate, count: preview.dueNow })}</p>
        )}
        {preview.awaitingApproval > 0 && (
          <p>
            {t('subs.warnApproval', { days: preview.catchUpThresholdDays, count: preview.awaitingApproval })}
          </p>
        )}
      </div>
      {preview.firstChargeAt !== null && (
        <p>{t('subs.firstCharge', { when: dateTime(preview.firstChargeAt) })}</p>
      )}
      <div className="actions">
        <button type="button" className="button-primary" disabled={busy} onClick={onConfirm}>
          {t('subs.confirmAnyway')}
        </button>
        <button type="button" disabled={busy} onClick={onBack}>
          {t('subs.backToEdit')}
        </button>
      </div>
    </section>
  );
}
