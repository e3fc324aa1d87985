import { useState } from 'react';
import type { IpcResult } from '../../../shared/ipc/index.ts';
import { useLoad } from '../../components/use-load.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { RecordConsent } from './RecordConsent.tsx';

type Entry = { subscriptionId: number; memberName: string; notice: string };

/**
 * A list of subscriptions waiting for a member's consent: its rows, the consent form for the one
 * being recorded (`form`, null when none), and the notice shown once something was done.
 */
export function useConsentQueue<T extends Entry>(
  load: () => Promise<IpcResult<T[]>>,
  kind: 'price-increase' | 'trial-conversion' | 'subscription',
  formId: string,
) {
  const { t } = useI18n();
  const loaded = useLoad(load);
  const [recording, setRecording] = useState<T | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const form = recording && (
    <RecordConsent
      id={formId}
      kind={kind}
      entry={recording}
      onCancel={() => setRecording(null)}
      onRecorded={async () => {
        setRecording(null);
        setNotice(t('consent.recorded'));
        await loaded.reload();
      }}
    />
  );
  return { ...loaded, record: setRecording, form, notice, setNotice };
}
