import { useState } from 'react';
import type { CardViewData } from '../../../shared/ipc/index.ts';
import { call } from '../../bridge.ts';
import { ErrorAlert } from '../../components/Alert.tsx';
import { CardSummary } from '../../components/CardSummary.tsx';
import { useFocusOnMount } from '../../components/use-focus-on-mount.ts';
import { useI18n } from '../../i18n/i18n.tsx';

/**
 * Removing a card stops every scheduled charge for the member, so it is asked once more with the
 * card in view. The focus starts on "keep", so a stray Enter removes nothing.
 */
export function RemoveCard({
  memberId,
  card,
  onCancel,
  onRemoved,
}: {
  memberId: number;
  card: CardViewData;
  onCancel: () => void;
  onRemoved: () => void;
}) {
  const { t } = useI18n();
  const keepRef = useFocusOnMount<HTMLButtonElement>();
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function remove() {
    setBusy(true);
    const result = await call('removeCard', { memberId });
    setBusy(false);
    if (!result.ok) return setFailure(result.error.message);
    onRemoved();
  }

  return (
    <section className="panel confirm" aria-labelledby="remove-card-title">
      <h2 id="remove-card-title">{t('memberEdit.removeCardTitle')}</h2>
      <CardSummary card={card} large />
      <p>{t('memberEdit.removeCardWarning')}</p>
      {failure && <ErrorAlert>{failure}</ErrorAlert>}
      <div className="actions">
        <button type="button" className="button-danger" disabled={busy} onClick={() => void remove()}>
          {t('memberEdit.removeCardConfirm')}
        </button>
        <button type="button" ref={keepRef} onClick={onCancel}>
          {t('memberEdit.keepCard')}
        </button>
      </div>
    </section>
  );
}
