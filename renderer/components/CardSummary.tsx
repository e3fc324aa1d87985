import type { CardViewData } from '../../shared/ipc/index.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { cardLabels } from './card-labels.ts';

/** The card as Toss masked it: company, masked number, credit/check, personal/corporate and expiry. */
export function CardSummary({ card, large = false }: { card: CardViewData; large?: boolean }) {
  const labels = cardLabels(card, useI18n());
  return (
    <div className={large ? 'card-summary card-summary-large' : 'card-summary'} data-testid="card-summary">
      <span className="card-company">{labels.company}</span>
      <span className="card-number">{labels.number}</span>
      <span className="tag">{labels.type}</span>
      <span className="tag">{labels.owner}</span>
      <span className="tag" data-testid="card-expiry">
        {labels.expiry}
      </span>
    </div>
  );
}
