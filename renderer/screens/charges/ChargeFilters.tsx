import { type FormEvent, useEffect, useState } from 'react';
import type { RequestOf } from '../../../shared/ipc/index.ts';
import { useApp } from '../../app/app-context.tsx';
import { call } from '../../bridge.ts';
import { DateRangeFields } from '../../components/DateRangeFields.tsx';
import { MemberCombobox } from '../../components/MemberCombobox.tsx';
import { type MemberPick, NO_PICK, pickText, resolvePick } from '../../components/member-pick.ts';
import { useFocusOnMount } from '../../components/use-focus-on-mount.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { storeDayRange } from '../../store-time.ts';

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
}

/**
 * Dates are store-local days, both ends included (see storeDayRange). Enter in any field applies the
 * filter; the kind tells a cashier's charge from the schedule's first, regular and retried ones,
 * and from refunds. The member box is the filter's member: emptied and applied, it filters no
 * member; "회원 조건 해제" empties it and applies at once. Any change calls `onEdit`, so the screen
 * can drop a banner about what was there before.
 */
export function ChargeFilters({
  initialMemberId,
  onApply,
  onEdit,
}: {
  initialMemberId: number | undefined;
  onApply: (filter: ChargeFilter) => void;
  onEdit?: () => void;
}) {
  const { t } = useI18n();
  const { status: app } = useApp();
  const fromRef = useFocusOnMount<HTMLInputElement>();
  const [draft, setDraft] = useState<FilterDraft>({ from: '', to: '', status: '', kind: '' });
  const [pick, setPick] = useState<MemberPick>(NO_PICK);
  const [memberError, setMemberError] = useState<string | undefined>();

  // Opened from a member's page: the box shows that member, so what filters the log is visible.
  useEffect(() => {
    if (initialMemberId === undefined) return;
    void call('getMember', { id: initialMemberId }).then((result) => {
      if (result.ok) setPick({ text: pickText(result.value), member: result.value });
    });
  }, [initialMemberId]);

  function filterOf(values: FilterDraft, memberId: number | undefined): ChargeFilter {
    return {
      ...storeDayRange(values.from, values.to, app.timeZone),
      ...(values.status ? { status: values.status } : {}),
      ...(values.kind ? { kind: values.kind } : {}),
      ...(memberId ? { memberId } : {}),
    };
  }

  async function apply(event: FormEvent) {
    event.preventDefault();
    const resolved = await resolvePick(pick, t);
    if (resolved.kind === 'error') {
      setMemberError(resolved.message);
      document.getElementById('charges-member')?.focus();
      return;
    }
    setMemberError(undefined);
    if (resolved.kind === 'member') setPick({ text: pickText(resolved.member), member: resolved.member });
    onApply(filterOf(draft, resolved.kind === 'member' ? resolved.member.id : undefined));
  }

  function clearMember() {
    setPick(NO_PICK);
    setMemberError(undefined);
    onEdit?.();
    onApply(filterOf(draft, undefined));
    document.getElementById('charges-member')?.focus();
  }

  const set = (field: keyof FilterDraft) => (value: string) => {
    onEdit?.();
    setDraft((previous) => ({ ...previous, [field]: value }));
  };

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
      <MemberCombobox
        id="charges-member"
        label={t('charges.member')}
        hint={t('members.searchHint')}
        pick={pick}
        onPick={(next) => {
          onEdit?.();
          setMemberError(undefined);
          setPick(next);
        }}
        error={memberError}
      />
      <div className="field field-submit">
        <button type="submit" className="button-primary">
          {t('charges.apply')}
        </button>
        {pick.text !== '' && (
          <button type="button" className="link" onClick={clearMember}>
            {t('charges.memberClear')}
          </button>
        )}
      </div>
    </form>
  );
}
