import { type KeyboardEvent, type Ref, useEffect, useRef, useState } from 'react';
import { formatMaskedForDisplay } from '../../shared/card/index.ts';
import type { MemberViewData } from '../../shared/ipc/index.ts';
import { call } from '../bridge.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { exactNumber, type MemberPick, PICKER_LIMIT, pickText } from './member-pick.ts';

/** Typing pauses this long before the search goes to main, so each key does not cost a query. */
const SEARCH_DELAY_MS = 150;

/**
 * The one member picker (subscribe, log filters, anywhere a member is chosen): search as you type
 * over the whole member base by name, number or phone, following the ARIA combobox pattern (arrow
 * keys move through the list, Enter chooses, Escape closes). Namesakes are listed side by side with
 * number, phone and card, and only the person chooses among them; an exact member number is taken
 * at once, because it names one member.
 */
export function MemberCombobox({
  id,
  label,
  hint,
  pick,
  onPick,
  error,
  ref,
}: {
  id: string;
  label: string;
  hint?: string | undefined;
  pick: MemberPick;
  onPick: (pick: MemberPick) => void;
  error?: string | undefined;
  ref?: Ref<HTMLInputElement>;
}) {
  const { t } = useI18n();
  const [options, setOptions] = useState<readonly MemberViewData[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [searching, setSearching] = useState(false);
  // Answers can arrive out of order; only the latest query's may fill the list.
  const latest = useRef(0);
  const query = pick.member ? '' : pick.text.trim();
  const onPickRef = useRef(onPick);
  onPickRef.current = onPick;

  useEffect(() => {
    const ticket = ++latest.current;
    if (query === '') {
      setOptions([]);
      setSearching(false);
      return;
    }
    setSearching(true);
    const timer = setTimeout(() => {
      void call('searchMembers', { query, limit: PICKER_LIMIT }).then((result) => {
        if (ticket !== latest.current) return;
        setSearching(false);
        const found = result.ok ? result.value : [];
        setOptions(found);
        setActive(-1);
        const exact = exactNumber(query, found);
        if (exact) {
          onPickRef.current({ text: query, member: exact });
          setOpen(false);
        }
      });
    }, SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [query]);

  function choose(member: MemberViewData) {
    onPick({ text: pickText(member), member });
    setOpen(false);
    setActive(-1);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (options.length === 0) return;
      setOpen(true);
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((index) => Math.min(options.length - 1, Math.max(0, index + step)));
    } else if (event.key === 'Enter' && open && options[active]) {
      // Enter on a highlighted option chooses it; otherwise it submits the form as usual.
      event.preventDefault();
      choose(options[active]);
    } else if (event.key === 'Escape' && open) {
      event.preventDefault();
      setOpen(false);
      setActive(-1);
    }
  }

  const listId = `${id}-listbox`;
  const optionId = (member: MemberViewData) => `${id}-option-${member.id}`;
  const expanded = open && options.length > 0;
  const activeOption = expanded ? options[active] : undefined;
  const describedBy = [
    hint ? `${id}-hint` : '',
    pick.member ? `${id}-chosen` : '',
    error ? `${id}-error` : '',
  ]
    .filter(Boolean)
    .join(' ');

  return (
    <div className="field combobox">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        ref={ref}
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={activeOption ? optionId(activeOption) : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        value={pick.text}
        onChange={(event) => {
          onPick({ text: event.target.value, member: null });
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      {pick.member && (
        <p id={`${id}-chosen`} className="field-hint combobox-chosen" data-testid={`${id}-chosen`}>
          {t('picker.chosen', { name: pick.member.name, memberNo: pick.member.memberNo })}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
      {open && query !== '' && searching && options.length === 0 && (
        <p className="field-hint">{t('picker.searching')}</p>
      )}
      <div className="combobox-popup" hidden={!expanded}>
        <div id={listId} role="listbox" aria-label={t('picker.list', { label })} className="combobox-list">
          {options.map((member, index) => (
            <div
              key={member.id}
              id={optionId(member)}
              role="option"
              // Options are reached through aria-activedescendant; the input keeps the focus.
              tabIndex={-1}
              aria-selected={index === active}
              className="combobox-option"
              // mousedown, not click: the input keeps the focus (no blur closing the list first).
              onMouseDown={(event) => {
                event.preventDefault();
                choose(member);
              }}
            >
              <span className="combobox-name">{member.name}</span>
              <span className="mono">{member.memberNo}</span>
              <span className="mono">{member.phone ?? t('picker.noPhone')}</span>
              <span className="mono">
                {member.card ? formatMaskedForDisplay(member.card.maskedNumber) : t('members.noCard')}
              </span>
            </div>
          ))}
        </div>
        {options.length === PICKER_LIMIT && (
          <p className="field-hint combobox-more">{t('picker.more', { count: PICKER_LIMIT })}</p>
        )}
      </div>
    </div>
  );
}
