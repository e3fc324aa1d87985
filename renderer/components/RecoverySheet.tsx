import type { z } from 'zod';
import type { recoveryCodeView } from '../../shared/ipc/views.ts';
import { useI18n } from '../i18n/i18n.tsx';

export type RecoveryCode = z.infer<typeof recoveryCodeView>;

/**
 * The printable recovery sheet: the store, the date, the code and what it is for. It is the only
 * place the code is ever shown; printing hides the rest of the screen (.no-print).
 */
export function RecoverySheet({ sheet, onClose }: { sheet: RecoveryCode; onClose: () => void }) {
  const { t, dateTime } = useI18n();
  return (
    <article
      className="panel recovery-sheet"
      aria-labelledby="recovery-sheet-title"
      data-testid="recovery-sheet"
    >
      <h2 id="recovery-sheet-title">{t('recovery.sheetTitle')}</h2>
      <dl className="recovery-sheet-facts">
        <dt>{t('recovery.sheetStore')}</dt>
        <dd>{sheet.storeName || t('recovery.sheetNoStoreName')}</dd>
        <dt>{t('recovery.sheetDate')}</dt>
        <dd>{dateTime(sheet.createdAt)}</dd>
        <dt>{t('recovery.sheetCode')}</dt>
        <dd className="recovery-code mono" data-testid="recovery-code">
          {sheet.code}
        </dd>
      </dl>
      <p>{t('recovery.sheetWhat')}</p>
      <p>{t('recovery.sheetKeep')}</p>
      {sheet.replaced && <p className="alert alert-error">{t('recovery.sheetReplaced')}</p>}
      <div className="actions no-print">
        <button type="button" className="button-primary" onClick={() => window.print()}>
          {t('recovery.print')}
        </button>
        <button type="button" onClick={onClose}>
          {t('recovery.sheetDone')}
        </button>
      </div>
    </article>
  );
}
