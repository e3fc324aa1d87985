import type { ReactNode } from 'react';
import type { AppStatusView } from '../../shared/ipc/index.ts';
import { useI18n } from '../i18n/i18n.tsx';

function ModeBadge({ secret }: { secret: AppStatusView['keyStatus'] }) {
  const { t } = useI18n();
  if (!secret.configured) return <span className="mode mode-none">{t('header.modeNone')}</span>;
  return secret.mode === 'live' ? (
    <span className="mode mode-live">{t('header.modeLive')}</span>
  ) : (
    <span className="mode mode-test">{t('header.modeTest')}</span>
  );
}

/**
 * Always on screen: a red banner while the audit log fails its check, the training banner, test
 * or live, and who is signed in, so nobody can take practice for real money or act under someone
 * else's name without seeing it.
 */
export function Header({
  status,
  onSignOut,
  onLock,
  children,
}: {
  status: AppStatusView;
  onSignOut?: () => void;
  /** Locks the screen for the same operator (Ctrl+L / Cmd+L does the same). */
  onLock?: () => void;
  children?: ReactNode;
}) {
  const { t, locale, setLocale } = useI18n();
  const operator = status.operator;
  return (
    <>
      {status.auditBrokenAt !== null && (
        <div className="audit-banner" role="alert" data-testid="audit-banner">
          {t('app.auditBroken', { id: status.auditBrokenAt })}
        </div>
      )}
      {status.training && (
        <div className="training-banner" role="status" data-testid="training-banner">
          <strong>{t('app.training')}</strong> {t('app.trainingHint')}
        </div>
      )}
      <header className="app-header">
        <span className="brand">{t('app.name')}</span>
        <ModeBadge secret={status.keyStatus} />
        {children}
        <div className="header-end">
          {operator && (
            <span className="operator" data-testid="operator">
              {t('header.operator', { name: operator.name, role: t(`role.${operator.role}`) })}
            </span>
          )}
          {operator && onLock && (
            <button
              type="button"
              className="button-quiet"
              aria-keyshortcuts="Control+L Meta+L"
              title={t('lock.shortcut')}
              onClick={onLock}
            >
              {t('lock.button')}
            </button>
          )}
          {operator && onSignOut && (
            <button type="button" className="button-quiet" onClick={onSignOut}>
              {t('header.signOut')}
            </button>
          )}
          <button
            type="button"
            className="button-quiet"
            aria-label={t('header.languageLabel')}
            onClick={() => setLocale(locale === 'ko' ? 'en' : 'ko')}
          >
            {t('header.language')}
          </button>
        </div>
      </header>
    </>
  );
}
