import { type FormEvent, useState } from 'react';
import type { ConsentMethodData } from '../../../shared/ipc/index.ts';
import { ErrorAlert } from '../../components/Alert.tsx';
import { CheckField } from '../../components/CheckField.tsx';
import { FormActions } from '../../components/FormActions.tsx';
import { SignaturePad } from '../../components/SignaturePad.tsx';
import { TextField } from '../../components/TextField.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { CONSENT_METHODS, methodLabel } from './consent-labels.ts';

/** How the member consented, as the contract's consent fields take it. */
export interface ConsentInput {
  method: ConsentMethodData;
  signaturePng?: string;
  note?: string;
}

/**
 * The terms shown to the member, then how they agreed: a signature drawn on the screen, a ticked
 * box at the counter, or a phone call or message. Used when subscribing and for raises and trials.
 */
export function ConsentForm({
  id,
  title,
  terms,
  submitLabel,
  cancelLabel,
  onSubmit,
  onCancel,
}: {
  id: string;
  title: string;
  terms: string | null;
  submitLabel: string;
  cancelLabel?: string;
  /** Resolves with a message to show when main refused, or null when done. */
  onSubmit: (consent: ConsentInput) => Promise<string | null>;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const [method, setMethod] = useState<ConsentMethodData>('signature');
  const [signature, setSignature] = useState<string | null>(null);
  const [agreed, setAgreed] = useState(false);
  const [note, setNote] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (method === 'signature' && signature === null) return setFailure(t('consent.signatureRequired'));
    if (method === 'in-person' && !agreed) return setFailure(t('consent.checkRequired'));
    setBusy(true);
    const refused = await onSubmit({
      method,
      ...(method === 'signature' && signature !== null ? { signaturePng: signature } : {}),
      ...(note.trim() === '' ? {} : { note: note.trim() }),
    });
    setBusy(false);
    setFailure(refused);
  }

  return (
    <form
      className="panel panel-inline stack"
      aria-labelledby={`${id}-title`}
      onSubmit={(e) => void submit(e)}
      noValidate
    >
      <h3 id={`${id}-title`}>{title}</h3>
      {failure && <ErrorAlert>{failure}</ErrorAlert>}
      {terms !== null && (
        <section aria-label={t('consent.terms')} className="consent-terms" data-testid={`${id}-terms`}>
          <pre style={{ whiteSpace: 'pre-wrap', fontFamily: 'inherit', fontSize: '1.1em' }}>{terms}</pre>
        </section>
      )}
      <fieldset className="field">
        <legend>{t('consent.method')}</legend>
        {CONSENT_METHODS.map((option) => (
          <label key={option} className="radio">
            <input
              type="radio"
              name={`${id}-method`}
              value={option}
              checked={method === option}
              onChange={() => setMethod(option)}
            />{' '}
            {t(methodLabel(option))}
          </label>
        ))}
      </fieldset>
      {method === 'signature' && (
        <SignaturePad
          label={t('consent.signHere')}
          clearLabel={t('consent.clearSignature')}
          onChange={setSignature}
        />
      )}
      {method === 'in-person' && (
        <CheckField
          id={`${id}-agreed`}
          label={t('consent.agreeCheck')}
          checked={agreed}
          onChange={setAgreed}
        />
      )}
      <TextField
        id={`${id}-note`}
        label={t('consent.note')}
        value={note}
        maxLength={500}
        onChange={(e) => setNote(e.target.value)}
      />
      <FormActions
        submitLabel={submitLabel}
        busy={busy}
        onCancel={onCancel}
        {...(cancelLabel ? { cancelLabel } : {})}
      />
    </form>
  );
}
