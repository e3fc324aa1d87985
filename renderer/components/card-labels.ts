import { formatMaskedForDisplay } from '../../shared/card/index.ts';
import type { CardViewData } from '../../shared/ipc/index.ts';
import type { I18n } from '../i18n/i18n.tsx';

/** Toss answers cardType and ownerType in Korean; other values are shown as Toss sent them. */
export function cardLabels(
  card: Pick<CardViewData, 'company' | 'maskedNumber' | 'cardType' | 'ownerType'>,
  i18n: I18n,
) {
  return {
    company: card.company ?? i18n.t('card.unknownCompany'),
    number: formatMaskedForDisplay(card.maskedNumber),
    type: i18n.maybe(`card.type.${card.cardType}`) ?? card.cardType,
    owner: i18n.maybe(`card.owner.${card.ownerType}`) ?? card.ownerType,
  };
}
