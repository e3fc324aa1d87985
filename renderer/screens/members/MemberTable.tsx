import { type UIEvent, useEffect, useState } from 'react';
import type { MemberViewData } from '../../../shared/ipc/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { MemberRow } from './MemberRow.tsx';

// Rows have a fixed height (styles.css, .virtual-table), so where each one sits needs no measuring.
const ROW_HEIGHT = 45;
const OVERSCAN = 8;
// Before the first scroll event the box is at most this tall (max-height in styles.css).
const INITIAL_VIEWPORT = 720;
// The next page is asked for this many rows before the end, so it is usually there before the
// cashier reaches the end of what is loaded.
const LOAD_AHEAD = 100;

/**
 * Only the rows in view (and a few around them) are in the DOM, between two spacer rows, so a list
 * of thousands scrolls as lightly as one of twenty. The table keeps its row count for screen
 * readers through aria-rowcount and aria-rowindex. While further pages exist (`complete` false)
 * the row count is unknown (-1 in ARIA) and `onNearEnd` asks for more as the end comes into view.
 */
export function MemberTable({
  members,
  complete,
  onNearEnd,
  onOpen,
}: {
  members: readonly MemberViewData[];
  complete: boolean;
  onNearEnd: () => void;
  onOpen: (member: MemberViewData) => void;
}) {
  const { t } = useI18n();
  const [view, setView] = useState({ top: 0, height: INITIAL_VIEWPORT });
  const first = Math.max(0, Math.floor(view.top / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(members.length, Math.ceil((view.top + view.height) / ROW_HEIGHT) + OVERSCAN);

  useEffect(() => {
    if (!complete && last >= members.length - LOAD_AHEAD) onNearEnd();
  }, [complete, last, members.length, onNearEnd]);

  function onScroll(event: UIEvent<HTMLDivElement>) {
    const box = event.currentTarget;
    setView({ top: box.scrollTop, height: box.clientHeight });
  }

  return (
    <div className="virtual-scroll" onScroll={onScroll} data-testid="member-list">
      <table className="table virtual-table" aria-rowcount={complete ? members.length + 1 : -1}>
        <thead>
          <tr aria-rowindex={1}>
            <th scope="col">{t('members.colNo')}</th>
            <th scope="col">{t('members.colName')}</th>
            <th scope="col">{t('members.colPhone')}</th>
            <th scope="col">{t('members.colCard')}</th>
          </tr>
        </thead>
        <tbody>
          {first > 0 && <tr style={{ height: first * ROW_HEIGHT }} />}
          {members.slice(first, last).map((member, index) => (
            <MemberRow
              key={member.id}
              member={member}
              rowIndex={first + index + 2}
              onOpen={() => onOpen(member)}
            />
          ))}
          {last < members.length && <tr style={{ height: (members.length - last) * ROW_HEIGHT }} />}
        </tbody>
      </table>
    </div>
  );
}
