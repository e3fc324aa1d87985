import { useI18n } from '../i18n/i18n.tsx';

/** The header of a table's buttons column: named for screen readers, blank on screen. */
export function ActionsHeader() {
  const { t } = useI18n();
  return (
    <th scope="col">
      <span className="visually-hidden">{t('review.colActions')}</span>
    </th>
  );
}
