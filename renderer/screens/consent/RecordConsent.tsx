import { call } from '../../bridge.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ConsentForm } from './ConsentForm.tsx';

/** The member's consent to a raise or a trial's paid charges, taken against the notice they were given. */
export function RecordConsent({
  id,
  kind,
  entry,
  onCancel,
  onRecorded,
}: {
  id: string;
  kind: 'price-increase' | 'trial-conversion' | 'subscription';
  entry: { subscriptionId: number; memberName: string; notice: string };
  onCancel: () => void;
  onRecorded: () => Promise<void>;
}) {
  const { t } = useI18n();
  return (
    <ConsentForm
      id={id}
      title={`${t('consent.record')} · ${entry.memberName}`}
      terms={entry.notice}
      submitLabel={t('consent.record')}
      onCancel={onCancel}
      onSubmit={async (consent) => {
        const result = await call('recordConsent', {
          subscriptionId: entry.subscriptionId,
          kind,
          ...consent,
        });
        if (!result.ok) return result.error.message;
        await onRecorded();
        return null;
      }}
    />
  );
}
