import { type FormEvent, useEffect, useRef, useState } from 'react';
import type { OperatorView } from '../../../shared/ipc/index.ts';
import type { LockNotice } from '../../app/use-lock.ts';
import { call } from '../../bridge.ts';
import { ErrorAlert, Notice } from '../../components/Alert.tsx';
import { OperatorSelect } from '../../components/OperatorSelect.tsx';
import { PinField } from '../../components/PinField.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

const NOTICES = {
  manual: 'lock.locked',
  idle: 'lock.idle',
  expired: 'lock.expired',
} as const;

/**
 * The lock screen: pick who you are, type the PIN. After a lock the same operator is picked
 * already; after "switch operator" the list starts at the top.
 */
export function SignIn({ onDone, notice }: { onDone: () => Promise<void>; notice?: LockNotice | null }) {
  const { t } = useI18n();
  const preferredId = notice?.operatorId ?? null;
  const [operators, setOperators] = useState<readonly OperatorView[]>([]);
  const [operatorId, setOperatorId] = useState<number | null>(null);
  const [pin, setPin] = useState('');
  const [pinError, setPinError] = useState<string | undefined>();
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const pinRef = useRef<HTMLInputElement>(null);
  // What waits for a person, as a count only: the lock screen names no member and no amount.
  const [waiting, setWaiting] = useState(0);
  useEffect(
    () => window.autopay.on.attention((counts) => setWaiting(counts.needsReview + counts.catchUps)),
    [],
  );

  useEffect(() => {
    void call('listOperators', {}).then((result) => {
      if (!result.ok) return setFailure(result.error.message);
      setOperators(result.value);
      const preferred = result.value.find((operator) => operator.id === preferredId);
      setOperatorId((preferred ?? result.value[0])?.id ?? null);
      pinRef.current?.focus();
    });
  }, [preferredId]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (operatorId === null) return;
    if (pin === '') {
      setPinError(t('signIn.pinRequired'));
      pinRef.current?.focus();
      return;
    }
    setBusy(true);
    const result = await call('signIn', { operatorId, pin });
    setBusy(false);
    if (result.ok) return onDone();
    // A wrong PIN belongs next to the PIN; the field is emptied for the next try.
    setPin('');
    setPinError(
      result.error.code === 'OPERATOR_LOCKED'
        ? `${result.error.message} ${t('lock.lockedHint')}`
        : result.error.message,
    );
    pinRef.current?.focus();
  }

  return (
    <form
      className="panel"
      onSubmit={(event) => void submit(event)}
      noValidate
      aria-labelledby="sign-in-title"
    >
      <h1 id="sign-in-title">{t('signIn.title')}</h1>
      {notice && notice.reason !== 'switch' && <Notice>{t(NOTICES[notice.reason])}</Notice>}
      {failure && <ErrorAlert>{failure}</ErrorAlert>}
      {waiting > 0 && <Notice>{t('lock.attention', { count: waiting })}</Notice>}
      <OperatorSelect
        id="sign-in-operator"
        label={t('signIn.operator')}
        operators={operators}
        value={operatorId}
        onChange={(id) => {
          setOperatorId(id);
          setPinError(undefined);
        }}
      />
      <PinField
        id="sign-in-pin"
        ref={pinRef}
        label={t('signIn.pin')}
        autoComplete="current-password"
        value={pin}
        onValue={setPin}
        error={pinError}
      />
      <button type="submit" className="button-primary" disabled={busy || operatorId === null}>
        {t('signIn.submit')}
      </button>
    </form>
  );
}
