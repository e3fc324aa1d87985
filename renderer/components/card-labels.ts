import { formatMaskedForDisplay } from '../../shared/card/index.ts';
import type { CardViewData } from '../../shared/ipc/index.ts';
import type { I18n } from '../i18n/i18n.tsx';

/** Toss answers cardType and ownerType in Korean; other values are shown as Toss sent them. */
export function cardLabels(
  card: Pick<CardViewData, 'company' | 'maskedNumber' | 'cardType' | 'ownerType'> &
    Partial<Pick<CardViewData, 'expiryMonth' | 'expiryYear'>>,
  i18n: I18n,
) {
  return {
    company: card.company ?? i18n.t('card.unknownCompany'),
    number: formatMaskedForDisplay(card.maskedNumber),
    type: i18n.maybe(`card.type.${card.cardType}`) ?? card.cardType,
    owner: i18n.maybe(`card.owner.${card.ownerType}`) ?? card.ownerType,
    expiry: expiryLabel(card.expiryMonth ?? null, card.expiryYear ?? null, i18n),
  };
}

/** '유효기간 12/30' as the card shows it, or '유효기간 모름' (Toss's window tells none). */
export function expiryLabel(month: number | null, year: number | null, i18n: I18n): string {
  if (month === null || year === null) return i18n.t('card.expiryUnknown');
  return i18n.t('card.expiry', {
    month: String(month).padStart(2, '0'),
    year: String(year % 100).padStart(2, '0'),
  });
}
