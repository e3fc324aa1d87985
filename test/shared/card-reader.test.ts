import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cardFieldErrorMessages, luhnCheckDigit, parseCardSwipe } from '../../shared/card/index.ts';

const test = { mode: 'test' } as const;
const live = { mode: 'live' } as const;

/** The emulator's card that approves (electron/sandbox/README.md); it fails Luhn, as Toss's test numbers do. */
const EMULATOR_CARD = '9410001234567890';
const TRACK_1 = `%B${EMULATOR_CARD}^HONG/GILDONG^3012101000000000000?`;
const TRACK_2 = `;${EMULATOR_CARD}=30121010000000000?`;
const READ = { ok: true, number: EMULATOR_CARD, expiry: { month: '12', year: '30' } };
const FAILED = { ok: false, code: 'CARD_READ_FAILED', message: cardFieldErrorMessages.CARD_READ_FAILED };

describe('parseCardSwipe', () => {
  it('reads track 1, track 2, and track 1 followed by track 2', () => {
    expect(parseCardSwipe(TRACK_1, test)).toEqual(READ);
    expect(parseCardSwipe(TRACK_2, test)).toEqual(READ);
    expect(parseCardSwipe(TRACK_1 + TRACK_2, test)).toEqual(READ);
  });

  it('never returns the cardholder name', () => {
    expect(JSON.stringify(parseCardSwipe(TRACK_1 + TRACK_2, test))).not.toMatch(/HONG|GILDONG/);
  });

  it('reads a track 1 whose name the PC lost or garbled (Korean IME) and a Caps Lock format code', () => {
    expect(parseCardSwipe(`%B${EMULATOR_CARD}^^3012101?`, test)).toEqual(READ);
    expect(parseCardSwipe(`%b${EMULATOR_CARD}^ㅗㅐㅜㅎ/^3012101?`, test)).toEqual(READ);
  });

  it('uses the other track when the reader reports one as unreadable, but not when both are', () => {
    expect(parseCardSwipe(`%E?${TRACK_2}`, test)).toEqual(READ);
    expect(parseCardSwipe(`${TRACK_1};E?`, test)).toEqual(READ);
    expect(parseCardSwipe('%E?;E?', test)).toEqual(FAILED);
    expect(parseCardSwipe('%E?', test)).toEqual(FAILED);
    expect(parseCardSwipe(';E?', test)).toEqual(FAILED);
  });

  it('refuses partial and malformed reads', () => {
    const bad = [
      '',
      '%',
      ';',
      `%B${EMULATOR_CARD}^HONG/GILDONG^3012101`, // no end sentinel
      `%B${EMULATOR_CARD}^HONG/GILDONG^3012101${TRACK_2}`, // track 1 lost its end sentinel
      `${TRACK_1};${EMULATOR_CARD}=3012101`, // track 2 lost its end sentinel
      `%A${EMULATOR_CARD}^HONG/GILDONG^3012101?`, // not format B
      `%B${EMULATOR_CARD}^HONG/GILDONG?`, // no expiry
      `%B${EMULATOR_CARD}^HONG/GILDONG^3012?`, // no service code
      `%B9410A01234567890^HONG/GILDONG^3012101?`, // non-digit PAN
      ';94100012=3012101?', // too short for a card number
      ';0000001234567890=3012101?', // no usable BIN
      `;${EMULATOR_CARD}=3013101?`, // month 13
      `;${EMULATOR_CARD}=3000101?`, // month 00
      `;${EMULATOR_CARD}3012101?`, // no field separator
      `${TRACK_2}${TRACK_1}`, // tracks out of order
      `${TRACK_1}x`, // trailing noise
      `${TRACK_1}${TRACK_2}${TRACK_2}`,
      EMULATOR_CARD, // typed digits are not a swipe
    ];
    for (const swipe of bad) expect(parseCardSwipe(swipe, test), swipe).toEqual(FAILED);
  });

  it('refuses tracks that disagree', () => {
    expect(parseCardSwipe(`${TRACK_1};9410011234567890=3012101?`, test)).toEqual(FAILED);
    expect(parseCardSwipe(`${TRACK_1};${EMULATOR_CARD}=3011101?`, test)).toEqual(FAILED);
  });

  it('enforces Luhn in live mode, as for a typed number', () => {
    expect(parseCardSwipe(TRACK_2, live)).toEqual(FAILED);
    const valid = `941000123456789${luhnCheckDigit('941000123456789')}`;
    expect(parseCardSwipe(`;${valid}=3012101?`, live)).toMatchObject({ ok: true, number: valid });
  });

  it('leaves an expired card to the form: a read is not a date check', () => {
    expect(parseCardSwipe(`;${EMULATOR_CARD}=1001101?`, test)).toMatchObject({
      ok: true,
      expiry: { month: '01', year: '10' },
    });
  });
});

// Generated cards only: a BIN that is not all zeros, 14–19 digits, a Luhn check digit (so live
// mode accepts them too), any month, and a name from the track 1 character set without '^' or '?'.
const digits = (min: number, max: number) =>
  fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: min, maxLength: max });
const cardNumber = fc
  .tuple(fc.integer({ min: 1, max: 9 }), digits(12, 17))
  .map(([first, payload]) => `${first}${payload}${luhnCheckDigit(`${first}${payload}`)}`);
const card = fc.record({
  number: cardNumber,
  month: fc.integer({ min: 1, max: 12 }).map((m) => String(m).padStart(2, '0')),
  year: digits(2, 2),
  serviceCode: digits(3, 3),
  name: fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ /.'), maxLength: 26 }),
  discretionary: digits(0, 12),
});
type Card = typeof card extends fc.Arbitrary<infer T> ? T : never;
const track1 = (c: Card) => `%B${c.number}^${c.name}^${c.year}${c.month}${c.serviceCode}${c.discretionary}?`;
const track2 = (c: Card) => `;${c.number}=${c.year}${c.month}${c.serviceCode}${c.discretionary}?`;
/** A one- or two-track swipe, with where each copy of the number starts in it. */
const swipe = fc.tuple(card, fc.constantFrom('1', '2', '12')).map(([c, tracks]) => {
  const first = tracks.includes('1') ? track1(c) : '';
  const text = first + (tracks.includes('2') ? track2(c) : '');
  const numberStarts = [...(first ? [2] : []), ...(tracks.includes('2') ? [first.length + 1] : [])];
  return { card: c, text, numberStarts };
});
const numberPosition = ({ card: c, numberStarts }: { card: Card; numberStarts: number[] }, pick: number) =>
  (numberStarts[pick % numberStarts.length] ?? 0) + (Math.floor(pick / 2) % c.number.length);
const replaceAt = (text: string, at: number, ch: string) => text.slice(0, at) + ch + text.slice(at + 1);

describe('parseCardSwipe properties', () => {
  it('reads every generated swipe back to its number and expiry, in either mode', () => {
    fc.assert(
      fc.property(swipe, fc.constantFrom(test, live), ({ card: c, text }, options) => {
        expect(parseCardSwipe(text, options)).toEqual({
          ok: true,
          number: c.number,
          expiry: { month: c.month, year: c.year },
        });
      }),
    );
  });

  it('refuses every swipe cut short', () => {
    fc.assert(
      fc.property(swipe, fc.nat(), ({ text }, at) => {
        const cut = text.slice(0, at % text.length);
        // Cut right after track 1 of a two-track swipe, what is left is a complete track 1.
        fc.pre(!cut.endsWith('?'));
        expect(parseCardSwipe(cut, test)).toEqual(FAILED);
      }),
    );
  });

  it('refuses a swipe with a digit of the number turned into another character', () => {
    fc.assert(
      fc.property(swipe, fc.nat(), fc.constantFrom(...'ABZ^=?%;/ -'), (read, pick, ch) => {
        expect(parseCardSwipe(replaceAt(read.text, numberPosition(read, pick), ch), test)).toEqual(FAILED);
      }),
    );
  });

  it('refuses in live mode a swipe with a digit of the number changed (Luhn, or the tracks disagree)', () => {
    fc.assert(
      fc.property(swipe, fc.nat(), fc.integer({ min: 1, max: 9 }), (read, pick, delta) => {
        const at = numberPosition(read, pick);
        const changed = String((Number(read.text.charAt(at)) + delta) % 10);
        expect(parseCardSwipe(replaceAt(read.text, at, changed), live)).toEqual(FAILED);
      }),
    );
  });

  it('never throws, whatever is typed', () => {
    const trackish = fc.string({ unit: fc.constantFrom(...'%;?^=BEe0123456789 /A'), maxLength: 80 });
    fc.assert(
      fc.property(fc.oneof(fc.string(), trackish), (text) => {
        const read = parseCardSwipe(text, test);
        if (read.ok) expect(read.number).toMatch(/^[0-9]{14,19}$/);
        else expect(read.code).toBe('CARD_READ_FAILED');
      }),
    );
  });
});
