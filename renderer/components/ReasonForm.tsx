import { type FormEvent, type ReactNode, useState } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { ErrorAlert, Notice } from './Alert.tsx';
import { FormActions } from './FormActions.tsx';
import { TextField } from './TextField.tsx';
import { useFocusOnMount } from './use-focus-on-mount.ts';

/**
 * A decision that must say why (refund, resolving by hand, skipping a catch-up): the reason field
 * takes the focus, nothing is sent without a reason, and main's answer (e.g. FORBIDDEN for a
 * staff session) is shown in its own Korean words.
 */
export function ReasonForm({
  id,
  title,
  confirmLabel,
  danger = false,
  onConfirm,
  onCancel,
  busyNote,
  children,
}: {
  id: string;
  title: string;
  confirmLabel: string;
  danger?: boolean;
  /** Resolves to main's message when it refused, or null when done. */
  onConfirm: (reason: string) => Promise<string | null>;
  onCancel: () => void;
  /** Said while main works on the decision, for one that waits on Toss (a lookup can take seconds). */
  busyNote?: string;
  children?: ReactNode;
}) {
  const { t } = useI18n();
  const reasonRef = useFocusOnMount<HTMLInputElement>();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    if (reason.trim() === '') {
      setError(t('review.reasonRequired'));
      document.getElementById(`${id}-reason`)?.focus();
      return;
    }
    setError(undefined);
    // The last refusal goes while main works on this try: one message at a time.
    setFailure(null);
    setBusy(true);
    const refused = await onConfirm(reason.trim());
    setBusy(false);
    setFailure(refused);
  }

  return (
    <form
      className="panel confirm"
      aria-labelledby={`${id}-title`}
      aria-busy={busy}
      onSubmit={(event) => void submit(event)}
      noValidate
    >
      <h2 id={`${id}-title`}>{title}</h2>
      {children}
      {failure && <ErrorAlert>{failure}</ErrorAlert>}
      {busy && busyNote && <Notice>{busyNote}</Notice>}
      <TextField
        id={`${id}-reason`}
        ref={reasonRef}
        label={t('review.reason')}
        value={reason}
        maxLength={400}
        onChange={(event) => setReason(event.target.value)}
        error={error}
      />
      <FormActions
        submitLabel={confirmLabel}
        busy={busy}
        cancelDisabled={busy}
        danger={danger}
        onCancel={onCancel}
      />
    </form>
  );
}
