import type { CardViewData, MemberDetailData } from '../../shared/ipc/index.ts';
import { useI18n } from '../i18n/i18n.tsx';

/** The card's expiry ends before the member's next scheduled charge: replace it before then. */
export function CardLapseWarning({
  card,
  lapse,
}: {
  card: CardViewData;
  lapse: NonNullable<MemberDetailData['cardLapse']>;
}) {
  const { t } = useI18n();
  if (card.expiryMonth === null || card.expiryYear === null) return null;
  return (
    <p className="warn-note" role="alert" data-testid="card-lapse">
      {t('member.cardLapse', {
        month: String(card.expiryMonth).padStart(2, '0'),
        year: String(card.expiryYear % 100).padStart(2, '0'),
        date: lapse.nextDate,
        orderName: lapse.orderName,
      })}
    </p>
  );
}
