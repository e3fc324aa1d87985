import { type FormEvent, useState } from 'react';
import type { PlanViewData } from '../../shared/ipc/index.ts';
import { useApp } from '../app/app-context.tsx';
import { call } from '../bridge.ts';
import { ErrorAlert } from '../components/Alert.tsx';
import { FormActions } from '../components/FormActions.tsx';
import { showRefusal } from '../components/field-messages.ts';
import { TextField } from '../components/TextField.tsx';
import { useFocusOnMount } from '../components/use-focus-on-mount.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { storeDate } from '../store-time.ts';
import { ConsentSlip } from './consent/ConsentSlip.tsx';
import { ConsentStep } from './consent/ConsentStep.tsx';
import { findMember } from './find-member.ts';

/** A member on a plan from an anchor day: the day of the month (or week…) every charge falls on. */
export function SubscribeForm({
  plans,
  onCancel,
  onDone,
}: {
  plans: readonly PlanViewData[];
  onCancel: () => void;
  onDone: () => void;
}) {
  const { t, won } = useI18n();
  const { status } = useApp();
  const memberRef = useFocusOnMount<HTMLInputElement>();
  const [member, setMember] = useState('');
  const [planId, setPlanId] = useState(plans[0]?.id ?? 0);
  const [anchorDate, setAnchorDate] = useState(() => storeDate(new Date(), status.timeZone));
  const [errors, setErrors] = useState<Partial<Record<string, string>>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // The consent step (invariant 12): the member sees the terms and agrees before the subscription exists.
  const [consenting, setConsenting] = useState<{
    memberId: number;
    planId: number;
    anchorDate: string;
  } | null>(null);
  const [slip, setSlip] = useState<number | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (plans.length === 0) return setFailure(t('subs.noPlans'));
    setBusy(true);
    const found = await findMember(member.trim(), t);
    if ('error' in found) {
      setBusy(false);
      setErrors({ member: found.error });
      document.getElementById('subscribe-member')?.focus();
      return;
    }
    setBusy(false);
    setErrors({});
    setConsenting({ memberId: found.id, planId, anchorDate });
  }

  if (slip !== null) return <ConsentSlip consentId={slip} onClose={onDone} />;
  if (consenting) {
    return (
      <ConsentStep
        request={consenting}
        onBack={() => setConsenting(null)}
        onConsent={async (consent) => {
          const result = await call('subscribe', { ...consenting, consent });
          if (!result.ok) {
            setConsenting(null);
            showRefusal(result.error, setErrors, setFailure);
            return null;
          }
          const consents = await call('listConsents', { memberId: consenting.memberId });
          const recorded = consents.ok
            ? consents.value.find((c) => c.subscriptionId === result.value.id && c.kind === 'subscription')
            : undefined;
          if (recorded) setSlip(recorded.id);
          else onDone();
          return null;
        }}
      />
    );
  }

  return (
    <form
      className="panel panel-inline"
      aria-labelledby="subscribe-title"
      onSubmit={(e) => void submit(e)}
      noValidate
    >
      <h3 id="subscribe-title">{t('subs.formTitle')}</h3>
      {failure && <ErrorAlert>{failure}</ErrorAlert>}
      <div className="field-row">
        <TextField
          id="subscribe-member"
          ref={memberRef}
          label={t('charges.member')}
          hint={t('members.searchHint')}
          value={member}
          onChange={(event) => setMember(event.target.value)}
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
