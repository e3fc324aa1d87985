import { CARD_NUMBER_MIN_LENGTH } from './number.ts';

const MAX_HEAD = 8;
const TAIL_SHOWN = 3;

/**
 * Masks a digits-only card number the way Toss does (16 digits: 43301234****123*) and keeps its
 * length. Other lengths keep Toss's shape: the head (at most 8 digits), stars, the 3 digits before
 * the last, and a star for the last digit. Short numbers give up head digits so that at least 5
 * digits stay hidden, as in Toss's 16-digit form; anything shorter than a card number is all stars.
 */
export function maskCardNumber(digits: string): string {
  const length = digits.length;
  if (length < CARD_NUMBER_MIN_LENGTH) return '*'.repeat(length);
  const tailStart = length - 1 - TAIL_SHOWN;
  const head = Math.min(MAX_HEAD, tailStart - 4);
  return `${digits.slice(0, head)}${'*'.repeat(tailStart - head)}${digits.slice(tailStart, length - 1)}*`;
}
