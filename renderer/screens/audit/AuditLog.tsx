import { Fragment, useCallback, useState } from 'react';
import type { ResponseOf } from '../../../shared/ipc/index.ts';
import { call } from '../../bridge.ts';
import { ErrorAlert, Notice } from '../../components/Alert.tsx';
import { RouteLink } from '../../components/RouteLink.tsx';
import { usePagedLog } from '../../components/use-paged-log.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { AuditCheck } from './AuditCheck.tsx';
import { type AuditFilter, AuditFilters } from './AuditFilters.tsx';
import { actionLabel, detailPairs, subjectLink } from './audit-words.ts';

type Page = ResponseOf<'listAudit'>;
type Entry = Page['entries'][number];

/** Who did what and when: every money movement and settings change, newest first (manager+). */
export function AuditLog() {
  const { t } = useI18n();
  const [filter, setFilter] = useState<AuditFilter>({});
  const fetchPage = useCallback(
    (page: { limit: number; before?: number }) => call('listAudit', { ...filter, ...page }),
    [filter],
  );
  const fetchCsv = useCallback(() => call('exportAudit', filter), [filter]);
  const { page, failure, exported, exportCsv, more } = usePagedLog(fetchPage, fetchCsv);

  return (
    <section aria-labelledby="audit-title" className="stack">
      <div className="screen-title">
        <h1 id="audit-title">{t('audit.title')}</h1>
        <button type="button" className="button-primary" onClick={() => void exportCsv()}>
          {t('audit.export')}
        </button>
      </div>
      <AuditCheck />
      <AuditFilters onApply={setFilter} />
      {failure && <ErrorAlert>{failure}</ErrorAlert>}
      {exported && <Notice>{t('audit.exported', { fileName: exported })}</Notice>}
      {page &&
        (page.entries.length === 0 ? (
          <p className="empty">{t('audit.empty')}</p>
        ) : (
          <AuditTable entries={page.entries} />
        ))}
      {more && (
        <button type="button" onClick={more}>
          {t('audit.more')}
        </button>
      )}
    </section>
  );
}

/** One row in the store's words: the action named, the subject as a link, details in won and dates. */
function AuditTable({ entries }: { entries: readonly Entry[] }) {
  const i18n = useI18n();
  const { t, dateTime, locale } = i18n;
  return (
    <table className="table" data-testid="audit-table">
      <thead>
        <tr>
          <th scope="col" className="num">
            {t('audit.colId')}
          </th>
          <th scope="col">{t('audit.colAt')}</th>
          <th scope="col">{t('audit.colActor')}</th>
          <th scope="col">{t('audit.colAction')}</th>
          <th scope="col">{t('audit.colSubject')}</th>
          <th scope="col">{t('audit.colDetails')}</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry) => {
          const link = subjectLink(entry.subject, entry.details, i18n);
          return (
            <tr key={entry.id}>
              <td className="num">{entry.id}</td>
              <td>{dateTime(entry.at)}</td>
              <td data-testid="audit-actor">{entry.actor}</td>
              <td data-testid="audit-action">{actionLabel(entry.action, locale)}</td>
              <td data-testid="audit-subject">
                {link ? <RouteLink to={link.route}>{link.label}</RouteLink> : entry.subject}
              </td>
              <td className="small details" data-testid="audit-details">
                {/* One pair per box: a line wraps between pairs, not inside "확인(체크)". */}
                {detailPairs(entry.details, i18n).map(([label, value, key], index) => (
                  <Fragment key={key}>
                    {index > 0 && ', '}
                    <span className="detail-pair">{`${label}: ${value}`}</span>
                  </Fragment>
                ))}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
