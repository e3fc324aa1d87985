import { useCallback } from 'react';
import type { RequestOf } from '../../../shared/ipc/index.ts';
import { call } from '../../bridge.ts';
import { ErrorAlert } from '../../components/Alert.tsx';
import { useLoad } from '../../components/use-load.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ConsentForm, type ConsentInput } from './ConsentForm.tsx';

/**
 * The subscribe flow's consent step (design.md invariant 12): the terms the core will record,
 * shown to the member, and their consent; `onConsent` subscribes with it.
 */
export function ConsentStep({
  request,
  onConsent,
  onBack,
}: {
  request: RequestOf<'previewConsentTerms'>;
  onConsent: (consent: ConsentInput) => Promise<string | null>;
  onBack: () => void;
}) {
  const { t } = useI18n();
  const load = useCallback(() => call('previewConsentTerms', request), [request]);
  const preview = useLoad(load);
  return (
    <div className="stack" data-testid="consent-step">
      <p className="muted">{t('consent.stepIntro')}</p>
      {preview.failure && <ErrorAlert>{preview.failure}</ErrorAlert>}
      <ConsentForm
        id="subscribe-consent"
        title={t('consent.stepTitle')}
        terms={preview.data?.text ?? null}
        submitLabel={t('consent.confirmSubscribe')}
        cancelLabel={t('consent.back')}
        onSubmit={onConsent}
        onCancel={onBack}
      />
    </div>
  );
}
