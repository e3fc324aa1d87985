import { type FormEvent, useEffect, useState } from 'react';
import type { OperatorView, RequestOf } from '../../../shared/ipc/index.ts';
import { useApp } from '../../app/app-context.tsx';
import { call } from '../../bridge.ts';
import { DateRangeFields } from '../../components/DateRangeFields.tsx';
import { OperatorOptions } from '../../components/OperatorSelect.tsx';
import { useFocusOnMount } from '../../components/use-focus-on-mount.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { storeDayRange } from '../../store-time.ts';

export type AuditFilter = RequestOf<'exportAudit'>;

/** Action prefixes: main matches 'charge' to 'charge.done', 'charge.limit_approved' and the rest. */
export const ACTION_GROUPS = [
  'charge',
  'refund',
  'card',
  'member',
  'subscription',
  'plan',
  'catch_up',
  'operator',
  'settings',
] as const;

interface Draft {
  readonly operatorId: string;
  readonly action: string;
  readonly from: string;
  readonly to: string;
}

/** Store-local days, both ends included (see storeDayRange). */
export function AuditFilters({ onApply }: { onApply: (filter: AuditFilter) => void }) {
  const { t } = useI18n();
  const { status } = useApp();
  const operatorRef = useFocusOnMount<HTMLSelectElement>();
  const [operators, setOperators] = useState<readonly OperatorView[]>([]);
  const [draft, setDraft] = useState<Draft>({ operatorId: '', action: '', from: '', to: '' });

  useEffect(() => {
    void call('listOperators', {}).then((result) => {
      if (result.ok) setOperators(result.value);
    });
  }, []);

  function apply(event: FormEvent) {
    event.preventDefault();
    const zone = status.timeZone;
    onApply({
      ...(draft.operatorId ? { operatorId: Number(draft.operatorId) } : {}),
      ...(draft.action ? { action: draft.action } : {}),
      ...storeDayRange(draft.from, draft.to, zone),
    });
  }

  const set = (field: keyof Draft) => (value: string) =>
    setDraft((previous) => ({ ...previous, [field]: value }));

  return (
    <form className="panel field-row filters" onSubmit={apply} noValidate aria-label={t('audit.filters')}>
      <div className="field">
        <label htmlFor="audit-operator">{t('audit.operator')}</label>
        <select
          id="audit-operator"
          ref={operatorRef}
          value={draft.operatorId}
          onChange={(event) => set('operatorId')(event.target.value)}
        >
          <option value="">{t('audit.everyone')}</option>
          <OperatorOptions operators={operators} />
        </select>
      </div>
      <div className="field">
        <label htmlFor="audit-action">{t('audit.action')}</label>
        <select
          id="audit-action"
          value={draft.action}
          onChange={(event) => set('action')(event.target.value)}
        >
          <option value="">{t('audit.allActions')}</option>
          {ACTION_GROUPS.map((group) => (
            <option key={group} value={group}>
              {t(`audit.group.${group}`)}
            </option>
          ))}
        </select>
      </div>
      <DateRangeFields
        prefix="audit"
        fromLabel={t('audit.from')}
        toLabel={t('audit.to')}
        from={draft.from}
        to={draft.to}
        onFrom={set('from')}
        onTo={set('to')}
      />
      <div className="field field-submit">
        <button type="submit" className="button-primary">
          {t('audit.apply')}
        </button>
      </div>
    </form>
  );
}
