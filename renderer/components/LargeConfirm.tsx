import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { useFocusOnMount } from './use-focus-on-mount.ts';

/**
 * The last look before money moves, in large type. The confirm button takes the focus, so Enter
 * confirms; `sending` keeps both buttons disabled while the call runs.
 */
export function LargeConfirm({
  id,
  title,
  confirmLabel,
  sendingLabel,
  danger = false,
  sending,
  onConfirm,
  onEdit,
  children,
}: {
  id: string;
  title: string;
  confirmLabel: string;
  sendingLabel: string;
  danger?: boolean;
  sending: boolean;
  onConfirm: () => void;
  onEdit: () => void;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const confirmRef = useFocusOnMount<HTMLButtonElement>();
  return (
    <section className="panel confirm" aria-labelledby={`${id}-title`} aria-busy={sending}>
      <h2 id={`${id}-title`}>{title}</h2>
      {children}
      {sending && <p aria-live="polite">{sendingLabel}</p>}
      <div className="actions">
        <button
          type="button"
          ref={confirmRef}
          className={danger ? 'button-danger button-large' : 'button-primary button-large'}
          disabled={sending}
          onClick={onConfirm}
        >
          {confirmLabel}
        </button>
        <button type="button" disabled={sending} onClick={onEdit}>
          {t('charge.edit')}
        </button>
      </div>
    </section>
  );
}
