import { isDigitSeparator } from './digits.ts';

// Grouping follows the card's prefix, not its length, so the groups do not jump while the
// number is being typed: Amex (34, 37) is printed 4-6-5 and Diners Club (36, 300–305) 4-6-4;
// every other card is grouped in fours (a 19-digit number becomes 4-4-4-4-3).
function leadingGroups(text: string): readonly number[] {
  if (/^3[47]/.test(text)) return [4, 6, 5];
  if (/^3(?:6|0[0-5])/.test(text)) return [4, 6, 4];
  return [];
}

function group(text: string): string {
  const groups: string[] = [];
  let start = 0;
  for (const size of leadingGroups(text)) {
    if (start >= text.length) break;
    groups.push(text.slice(start, start + size));
    start += size;
  }
  for (; start < text.length; start += 4) groups.push(text.slice(start, start + 4));
  return groups.join(' ');
}

/** Groups the digits typed so far for display in the input: '4330123412341234' → '4330 1234 1234 1234'. */
export function groupCardNumberInput(digits: string): string {
  return group(digits);
}

/** Groups Toss's masked number (card.number) for screens: '43301234****123*' → '4330 1234 **** 123*'. */
export function formatMaskedForDisplay(tossMasked: string): string {
  return group(
    Array.from(tossMasked)
      .filter((ch) => !isDigitSeparator(ch))
      .join(''),
  );
}
