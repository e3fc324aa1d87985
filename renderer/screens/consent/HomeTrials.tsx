import { useCallback } from 'react';
import { useApp } from '../../app/app-context.tsx';
import { call } from '../../bridge.ts';
import { useLoad } from '../../components/use-load.ts';
import { useI18n } from '../../i18n/i18n.tsx';

/** Home's line on trials turning paid within 30 days and how many lack consent; opens the consent screen. */
export function HomeTrials() {
  const { t } = useI18n();
  const { navigate } = useApp();
  const load = useCallback(() => call('listTrialConversions', {}), []);
  const { data } = useLoad(load);
  if (!data || data.length === 0) return null;
  const missing = data.filter((entry) => entry.consentedAt === null).length;
  return (
    <div className="panel" data-testid="home-trials">
      <button type="button" className="link" onClick={() => navigate({ name: 'consents' })}>
        {t('consent.homeTrials', { count: data.length, missing })}
      </button>
    </div>
  );
}
