// Dashes that keyboards and IMEs produce (ASCII, Unicode hyphens and dashes, the minus sign, the
// katakana prolonged-sound mark a Japanese IME puts out for "-", and the full-width hyphen-minus).
const DASHES = new Set(['-', '‐', '‑', '‒', '–', '—', '―', '−', 'ー', '－']);

// \s covers ASCII white space plus NBSP, the ideographic space and the other Unicode spaces that
// arrive when a number is pasted from a web page or a messenger.
const WHITE_SPACE = /^\s$/u;

/** True for a character people put between digit groups: white space or a dash. */
export function isDigitSeparator(ch: string): boolean {
  return DASHES.has(ch) || WHITE_SPACE.test(ch);
}

/** The ASCII digit for an ASCII or full-width (０-９) digit; undefined for anything else. */
export function asciiDigit(ch: string): string | undefined {
  if (ch.length !== 1) return undefined;
  const code = ch.charCodeAt(0);
  if (code >= 0x30 && code <= 0x39) return ch;
  if (code >= 0xff10 && code <= 0xff19) return String.fromCharCode(code - 0xff10 + 0x30);
  return undefined;
}

export type DigitsResult = { ok: true; value: string } | { ok: false };

/**
 * Reduces typed or pasted input to ASCII digits: separators are dropped and full-width digits
 * converted. Any other character fails the whole input rather than being dropped, so that
 * "1234 abcd 5678" is reported instead of silently becoming "12345678".
 */
export function normalizeDigits(input: string): DigitsResult {
  let digits = '';
  for (const ch of input) {
    const digit = asciiDigit(ch);
    if (digit !== undefined) digits += digit;
    else if (!isDigitSeparator(ch)) return { ok: false };
  }
  return { ok: true, value: digits };
}
