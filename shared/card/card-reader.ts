import { type CardFieldFailure, fail } from './check.ts';
import type { CardExpiry } from './expiry.ts';
import { type CardMode, validateCardNumber } from './number.ts';

/** What one swipe gave: the card number (digits) and its expiry, never the cardholder's name. */
export type CardSwipe = { ok: true; number: string; expiry: CardExpiry } | CardFieldFailure;

type TrackRead = { number: string; expiry: CardExpiry } | 'unreadable' | 'bad';

// The body of a track runs from its start sentinel to the end sentinel '?'. A body may not hold a
// start sentinel either, so a track that lost its '?' cannot borrow the next track's.
const TRACK_1 = /^%([^?%;]*)\?/;
const TRACK_2 = /^;([^?%;]*)\?/;

// Format code B (Caps Lock on the PC turns the reader's 'B' into 'b'), PAN, '^', name, '^',
// YYMM and the 3-digit service code. The name is matched only to be skipped: it is never captured.
// The PAN is digits only: a space or dash there is a misread, not a separator to drop.
const TRACK_1_BODY = /^[Bb]([0-9]+)\^[^^]*\^([0-9]{2})([0-9]{2})[0-9]{3}/;
const TRACK_2_BODY = /^([0-9]+)=([0-9]{2})([0-9]{2})[0-9]{3}/;

// A reader types 'E' as the whole body of a track it could not read (or that the card lacks).
const ERROR_BODY = /^[Ee]$/;
const MONTH = /^(?:0[1-9]|1[0-2])$/;

function readTrack(body: string, layout: RegExp, mode: CardMode): TrackRead {
  if (ERROR_BODY.test(body)) return 'unreadable';
  const fields = layout.exec(body);
  if (!fields) return 'bad';
  const [, pan = '', year = '', month = ''] = fields;
  const number = validateCardNumber(pan, { mode });
  if (!number.ok || !MONTH.test(month)) return 'bad';
  return { number: number.value, expiry: { month, year } };
}

/**
 * Parses what a keyboard-wedge magnetic card reader types for one swipe: track 1 (ISO/IEC 7813
 * format B, `%B<PAN>^<NAME>^<YYMM><service code>…?`), track 2 (`;<PAN>=<YYMM><service code>…?`)
 * or track 1 followed by track 2. The number is checked as a typed one would be (length, BIN, and
 * Luhn in live mode), so a misread digit is refused rather than sent to Toss. A track the reader
 * reports as 'E' is passed over when the other track was read: many Korean cards carry no track 1,
 * and the reader checked each track's parity on its own. Anything else that is not a complete,
 * consistent read fails with CARD_READ_FAILED; the parser never throws. Whether the card has
 * expired is left to the form's own check, which knows the store's date.
 */
export function parseCardSwipe(swipe: string, options: { mode: CardMode }): CardSwipe {
  const reads: TrackRead[] = [];
  let rest = swipe;
  const track1 = TRACK_1.exec(rest);
  if (track1) {
    reads.push(readTrack(track1[1] ?? '', TRACK_1_BODY, options.mode));
    rest = rest.slice(track1[0].length);
  }
  const track2 = TRACK_2.exec(rest);
  if (track2) {
    reads.push(readTrack(track2[1] ?? '', TRACK_2_BODY, options.mode));
    rest = rest.slice(track2[0].length);
  }
  if (rest !== '' || reads.includes('bad')) return fail('CARD_READ_FAILED');
  const [first, ...others] = reads.filter((read) => typeof read === 'object');
  if (first === undefined) return fail('CARD_READ_FAILED');
  const agree = others.every(
    (other) =>
      other.number === first.number &&
      other.expiry.month === first.expiry.month &&
      other.expiry.year === first.expiry.year,
  );
  return agree ? { ok: true, ...first } : fail('CARD_READ_FAILED');
}
