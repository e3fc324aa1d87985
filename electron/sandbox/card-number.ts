/**
 * Masks a card number the way Toss shows it: the first 8 digits, 4 stars, the next digits up to
 * the last, and a star for the last one (`9410001234567890` → `94100012****789*`, §4.1).
 */
export function maskCardNumber(cardNumber: string): string {
  return `${cardNumber.slice(0, 8)}****${cardNumber.slice(12, -1)}*`;
}
