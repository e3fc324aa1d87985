import { type FormEvent, useState } from 'react';
import type { RequestOf } from '../../shared/ipc/index.ts';
import { useApp } from '../app/app-context.tsx';
import { DateRangeFields } from '../components/DateRangeFields.tsx';
import { TextField } from '../components/TextField.tsx';
import { useFocusOnMount } from '../components/use-focus-on-mount.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { storeDayRange } from '../store-time.ts';
import { findMember } from './find-member.ts';

export type ChargeFilter = RequestOf<'exportCharges'>;

const STATUSES = ['DONE', 'DECLINED', 'FAILED', 'UNKNOWN', 'PENDING'] as const;
type Status = (typeof STATUSES)[number];
const KINDS = ['manual', 'scheduled', 'first', 'retry', 'refund'] as const;
type Kind = (typeof KINDS)[number];

interface FilterDraft {
  readonly from: string;
  readonly to: string;
  readonly status: Status | '';
  readonly kind: Kind | '';
  readonly member: string;
}

/**
 * Dates are store-local days, both ends included (see storeDayRange). Enter in any field applies the
 * filter; the kind tells a cashier's charge from the schedule's first, regular and retried ones,
 * and from refunds.
 */
export function ChargeFilters({
  initialMemberId,
  onApply,
}: {
  initialMemberId: number | undefined;
  onApply: (filter: ChargeFilter) => void;
}) {
  const { t } = useI18n();
  const { status: app } = useApp();
  const fromRef = useFocusOnMount<HTMLInputElement>();
  const [draft, setDraft] = useState<FilterDraft>({
    from: '',
    to: '',
    status: '',
    kind: '',
    member: '',
  });
  const [memberId, setMemberId] = useState(initialMemberId);
  const [memberError, setMemberError] = useState<string | undefined>();

  async function apply(event: FormEvent) {
    event.preventDefault();
    let chosen = draft.member.trim() === '' ? memberId : undefined;
    if (draft.member.trim() !== '') {
      const found = await findMember(draft.member.trim(), t);
      if ('error' in found) {
        setMemberError(found.error);
        document.getElementById('charges-member')?.focus();
        return;
      }
      chosen = found.id;
      setMemberId(found.id);
    }
    setMemberError(undefined);
    const zone = app.timeZone;
    onApply({
      ...storeDayRange(draft.from, draft.to, zone),
      ...(draft.status ? { status: draft.status } : {}),
      ...(draft.kind ? { kind: draft.kind } : {}),
      ...(chosen ? { memberId: chosen } : {}),
    });
  }

  const set = (field: keyof FilterDraft) => (value: string) =>
    setDraft((previous) => ({ ...previous, [field]: value }));

  return (
    <form className="panel field-row filters" onSubmit={(event) => void apply(event)} noValidate>
      <DateRangeFields
        prefix="charges"
        fromLabel={t('charges.from')}
        toLabel={t('charges.to')}
        from={draft.from}
        to={draft.to}
        onFrom={set('from')}
        onTo={set('to')}
        fromRef={fromRef}
      />
      <div className="field">
        <label htmlFor="charges-status">{t('charges.status')}</label>
        <select
          id="charges-status"
          value={draft.status}
          onChange={(event) => set('status')(event.target.value)}
        >
          <option value="">{t('charges.statusAll')}</option>
          {STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`status.${status}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="charges-kind">{t('chargeKind.label')}</label>
        <select id="charges-kind" value={draft.kind} onChange={(event) => set('kind')(event.target.value)}>
          <option value="">{t('chargeKind.all')}</option>
          {KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`charges.kind.${kind}`)}
            </option>
          ))}
        </select>
      </div>
      <TextField
        id="charges-member"
        label={t('charges.member')}
        hint={memberId && draft.member === '' ? t('charges.memberChosen') : t('members.searchHint')}
        value={draft.member}
        onChange={(event) => set('member')(event.target.value)}
        error={memberError}
      />
      <div className="field field-submit">
        <button type="submit" className="button-primary">
          {t('charges.apply')}
        </button>
        {memberId && (
          <button type="button" className="link" onClick={() => setMemberId(undefined)}>
            {t('charges.memberClear')}
          </button>
        )}
      </div>
    </form>
  );
}
