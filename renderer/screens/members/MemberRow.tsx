import { formatMaskedForDisplay } from '../../../shared/card/index.ts';
import type { MemberViewData } from '../../../shared/ipc/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';

export function MemberRow({
  member,
  rowIndex,
  onOpen,
}: {
  member: MemberViewData;
  rowIndex: number;
  onOpen: () => void;
}) {
  const { t } = useI18n();
  return (
    <tr aria-rowindex={rowIndex}>
      <td className="mono">{member.memberNo}</td>
      <td>
        <button
          type="button"
          className="link"
          onClick={onOpen}
          aria-label={t('members.open', { name: member.name })}
        >
          {member.name}
        </button>
      </td>
      <td>{member.phone ?? ''}</td>
      <td>
        {member.card ? (
          <span className="mono">
            {member.card.company ?? ''} {formatMaskedForDisplay(member.card.maskedNumber)}
          </span>
        ) : (
          <span className="muted">{t('members.noCard')}</span>
        )}
      </td>
    </tr>
  );
}
