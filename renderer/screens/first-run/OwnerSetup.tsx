import { type FormEvent, useState } from 'react';
import { call } from '../../bridge.ts';
import { ErrorAlert } from '../../components/Alert.tsx';
import { PinField } from '../../components/PinField.tsx';
import { checkNewPin } from '../../components/pin-check.ts';
import { TextField } from '../../components/TextField.tsx';
import { useFocusOnMount } from '../../components/use-focus-on-mount.ts';
import { type MessageKey, useI18n } from '../../i18n/i18n.tsx';
import { FirstRecoveryCode } from './FirstRecoveryCode.tsx';

type Problems = Partial<Record<'name' | 'pin' | 'pinAgain', MessageKey>>;

function check(name: string, pin: string, pinAgain: string): Problems {
  // In screen order: the first problem is where the caret goes.
  return { ...(name.trim() === '' ? { name: 'setup.nameRequired' } : {}), ...checkNewPin(pin, pinAgain) };
}

/**
 * The first run: the owner chooses a name and PIN and is signed in as the owner, then is given the
 * recovery code (FirstRecoveryCode). `onSettingUp(true)` goes out before the owner is made: the
 * app's status then stops needing an owner, and the app must keep this screen for the next step.
 */
export function OwnerSetup({
  onDone,
  onSettingUp,
}: {
  onDone: () => Promise<void>;
  onSettingUp: (settingUp: boolean) => void;
}) {
  const { t } = useI18n();
  const nameRef = useFocusOnMount<HTMLInputElement>();
  const [name, setName] = useState('');
  const [pin, setPin] = useState('');
  const [pinAgain, setPinAgain] = useState('');
  const [problems, setProblems] = useState<Problems>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [ownerMade, setOwnerMade] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = check(name, pin, pinAgain);
    setProblems(found);
    if (Object.keys(found).length > 0) {
      document.getElementById(`setup-${Object.keys(found)[0]}`)?.focus();
      return;
    }
    setBusy(true);
    onSettingUp(true);
    const result = await call('createOwner', { name: name.trim(), pin });
    setBusy(false);
    if (result.ok) return setOwnerMade(true);
    onSettingUp(false);
    setFailure(result.error.message);
  }

  if (ownerMade) return <FirstRecoveryCode onDone={onDone} />;

  const message = (key: MessageKey | undefined) => (key ? t(key) : undefined);
  return (
    <form className="panel" onSubmit={(event) => void submit(event)} noValidate aria-labelledby="setup-title">
      <h1 id="setup-title">{t('setup.title')}</h1>
      <p>{t('setup.intro')}</p>
      {failure && <ErrorAlert>{failure}</ErrorAlert>}
      <TextField
        id="setup-name"
        ref={nameRef}
        label={t('setup.name')}
        value={name}
        maxLength={50}
        autoComplete="name"
        onChange={(event) => setName(event.target.value)}
        error={message(problems.name)}
      />
      <PinField
        id="setup-pin"
        label={t('setup.pin')}
        autoComplete="new-password"
        value={pin}
        onValue={setPin}
        error={message(problems.pin)}
      />
      <PinField
        id="setup-pinAgain"
        label={t('setup.pinAgain')}
        autoComplete="new-password"
        value={pinAgain}
        onValue={setPinAgain}
        error={message(problems.pinAgain)}
      />
      <button type="submit" className="button-primary" disabled={busy}>
        {t('setup.submit')}
      </button>
    </form>
  );
}
