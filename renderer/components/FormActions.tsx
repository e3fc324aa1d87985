import { useI18n } from '../i18n/i18n.tsx';

/**
 * A form's footer: submit, locked while `busy`, then Cancel. `cancelDisabled` keeps a form open
 * until main has answered, where that answer is shown in the form itself.
 */
export function FormActions({
  submitLabel,
  cancelLabel,
  busy = false,
  cancelDisabled = false,
  danger = false,
  onCancel,
}: {
  submitLabel: string;
  cancelLabel?: string;
  busy?: boolean;
  cancelDisabled?: boolean;
  danger?: boolean;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  return (
    <div className="actions">
      <button type="submit" className={danger ? 'button-danger' : 'button-primary'} disabled={busy}>
        {submitLabel}
      </button>
      <button type="button" disabled={cancelDisabled} onClick={onCancel}>
        {cancelLabel ?? t('review.cancel')}
      </button>
    </div>
  );
}
