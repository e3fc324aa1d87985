import { type FormEvent, useState } from 'react';
import { call } from '../bridge.ts';
import { ErrorAlert } from '../components/Alert.tsx';
import { TextField } from '../components/TextField.tsx';
import { useFocusOnMount } from '../components/use-focus-on-mount.ts';
import { type MessageKey, useI18n } from '../i18n/i18n.tsx';
import { checkNewPin } from './pin-check.ts';

type Problems = Partial<Record<'name' | 'pin' | 'pinAgain', MessageKey>>;

function check(name: string, pin: string, pinAgain: string): Problems {
  // In screen order: the first problem is where the caret goes.
  return { ...(name.trim() === '' ? { name: 'setup.nameRequired' } : {}), ...checkNewPin(pin, pinAgain) };
}

/** The first run: the owner chooses a name and PIN and is signed in as the owner. */
export function OwnerSetup({ onDone }: { onDone: () => Promise<void> }) {
  const { t } = useI18n();
  const nameRef = useFocusOnMount<HTMLInputElement>();
  const [name, setName] = useState('');
  const [pin, setPin] = useState('');
  const [pinAgain, setPinAgain] = useState('');
  const [problems, setProblems] = useState<Problems>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = check(name, pin, pinAgain);
    setProblems(found);
    if (Object.keys(found).length > 0) {
      document.getElementById(`setup-${Object.keys(found)[0]}`)?.focus();
      return;
    }
    setBusy(true);
    const result = await call('createOwner', { name: name.trim(), pin });
    setBusy(false);
    if (result.ok) await onDone();
    else setFailure(result.error.message);
  }

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
      <TextField
        id="setup-pin"
        label={t('setup.pin')}
        type="password"
        inputMode="numeric"
        autoComplete="new-password"
        maxLength={6}
        value={pin}
        onChange={(event) => setPin(event.target.value.replace(/\D/g, ''))}
        error={message(problems.pin)}
      />
      <TextField
        id="setup-pinAgain"
        label={t('setup.pinAgain')}
        type="password"
        inputMode="numeric"
        autoComplete="new-password"
        maxLength={6}
        value={pinAgain}
        onChange={(event) => setPinAgain(event.target.value.replace(/\D/g, ''))}
        error={message(problems.pinAgain)}
      />
      <button type="submit" className="button-primary" disabled={busy}>
        {t('setup.submit')}
      </button>
    </form>
  );
}
