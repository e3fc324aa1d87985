import { asciiDigit, isDigitSeparator } from './digits.ts';

// 13 is the shortest card number ever issued. Longer runs are redacted as well: separators let
// a card number merge with digits next to it ("4330-1234-1234-1234 2026") into a run of 20+.
const MIN_DIGITS = 13;
// Enough for "4330 - 1234" or a double space, while a sentence of numbers stays apart.
const MAX_SEPARATORS = 3;

type Span = { start: number; end: number };

/**
 * Yields the spans of digit runs (ASCII or full-width digits, with up to three spaces or dashes
 * between digits) that hold at least 13 digits. Luhn is not required: test cards fail it, and a
 * mistyped number is as sensitive as a correct one. One pass, no backtracking: linear in the text.
 */
function* cardNumberLikeSpans(text: string): Generator<Span> {
  let start = -1;
  let end = -1;
  let digits = 0;
  let separators = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    if (asciiDigit(ch) !== undefined) {
      if (start < 0) start = i;
      end = i + 1;
      digits++;
      separators = 0;
      continue;
    }
    if (start < 0) continue;
    if (isDigitSeparator(ch) && ++separators <= MAX_SEPARATORS) continue;
    if (digits >= MIN_DIGITS) yield { start, end };
    start = -1;
    digits = 0;
    separators = 0;
  }
  if (start >= 0 && digits >= MIN_DIGITS) yield { start, end };
}

/** True when `text` holds a digit run that could be a card number (see redactCardNumbers). */
export function containsCardNumberLikeRun(text: string): boolean {
  return !cardNumberLikeSpans(text).next().done;
}

/**
 * Replaces every digit of each card-number-like run with '*', keeping separators and everything
 * else, so log lines keep their shape: 'card 4330-1234-1234-1234 ok' → 'card ****-****-****-**** ok'.
 */
export function redactCardNumbers(text: string): string {
  let out = '';
  let copied = 0;
  for (const { start, end } of cardNumberLikeSpans(text)) {
    out += text.slice(copied, start);
    for (let i = start; i < end; i++) {
      const ch = text.charAt(i);
      out += asciiDigit(ch) === undefined ? ch : '*';
    }
    copied = end;
  }
  return out + text.slice(copied);
}
