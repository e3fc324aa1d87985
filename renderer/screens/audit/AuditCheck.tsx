import { useCallback } from 'react';
import { call } from '../../bridge.ts';
import { ErrorAlert } from '../../components/Alert.tsx';
import { useLoad } from '../../components/use-load.ts';
import { useI18n } from '../../i18n/i18n.tsx';

/** The chain check in plain words: untouched with how many entries, or the first entry that is not. */
export function AuditCheck() {
  const { t } = useI18n();
  const load = useCallback(() => call('checkAudit', {}), []);
  const { data, failure, reload } = useLoad(load);
  return (
    <section className="panel" aria-labelledby="audit-check-title">
      <h2 id="audit-check-title">{t('audit.checkTitle')}</h2>
      {failure && <ErrorAlert>{failure}</ErrorAlert>}
      {data &&
        (data.ok ? (
          <p className="check check-ok" data-testid="audit-check">
            <strong>{t('audit.checkOk')}</strong> {t('audit.checkCount', { count: data.count ?? 0 })}
          </p>
        ) : (
          <div className="check check-broken" role="alert" data-testid="audit-check">
            <strong>{t('audit.checkBroken', { id: data.brokenAt ?? '?' })}</strong>
            <p>{data.message}</p>
          </div>
        ))}
      <button type="button" onClick={() => void reload()}>
        {t('audit.checkAgain')}
      </button>
    </section>
  );
}
