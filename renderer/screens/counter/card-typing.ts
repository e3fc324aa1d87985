import { CARD_NUMBER_MAX_LENGTH } from '../../../shared/card/index.ts';

/** The digits of a typed card number, at most as many as a card can have. */
export function cardNumberDigits(typed: string): string {
  return typed.replace(/\D/g, '').slice(0, CARD_NUMBER_MAX_LENGTH);
}

/** Where the caret goes in `grouped` so that `digitsBefore` digits stay to its left. */
export function caretAfterDigits(grouped: string, digitsBefore: number): number {
  if (digitsBefore === 0) return 0;
  let seen = 0;
  for (let index = 0; index < grouped.length; index++) {
    if (/\d/.test(grouped.charAt(index))) seen++;
    if (seen === digitsBefore) return index + 1;
  }
  return grouped.length;
}

/** '1230' → '12/30', typed digits only, the slash added once the year starts. */
export function formatExpiryTyping(typed: string): string {
  const digits = typed.replace(/\D/g, '').slice(0, 4);
  return digits.length > 2 ? `${digits.slice(0, 2)}/${digits.slice(2)}` : digits;
}

/** Birth date (6), business number (10) or, by habit, a whole resident number (13: refused with its own message). */
export function identityDigits(typed: string): string {
  return typed.replace(/\D/g, '').slice(0, 13);
}

/** A keyboard-wedge card reader starts every swipe with a track start sentinel: '%' (track 1) or ';' (track 2). */
export function startsCardSwipe(key: string): boolean {
  return key === '%' || key === ';';
}

/**
 * The character a card reader's keystroke stands for. A reader types as a US keyboard would; with
 * the Korean IME in Hangul mode its letters (track 1's format code 'B', an error 'E') arrive as
 * 'Process' keys, so they are read from the physical key. Keys such as Shift add nothing.
 */
export function swipeCharacter(key: string, code: string): string {
  if (key.length === 1) return key;
  const letter = /^Key([A-Z])$/.exec(code)?.[1];
  return key === 'Process' && letter !== undefined ? letter : '';
}
