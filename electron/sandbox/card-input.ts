import { field, type JsonObject } from './body-fields.ts';
import { koreanCardProfile } from './card-issuers.ts';
import { maskCardNumber } from './card-number.ts';
import type { ErrorCode } from './errors.ts';
import { kstYearMonth } from './kst.ts';
import type { CardOnFile } from './store.ts';
import { findTestCard } from './test-cards.ts';

export type CardInputResult =
  | { readonly ok: true; readonly cardOnFile: CardOnFile }
  | { readonly ok: false; readonly code: ErrorCode };

const DIGITS = /^\d+$/;
const TWO_DIGITS = /^\d{2}$/;

/**
 * Checks the card fields of a key-in registration (§3.1, §7) after the caller has made sure the
 * required ones are strings. Test mode looks only at the BIN (§14), so Luhn is never checked: a
 * number of 15 or 16 digits (the lengths of cards issued in Korea) passes when its BIN is a
 * scripted test card's or lies in a Korean issuer's range (card-issuers.ts).
 */
export function readCardInput(body: JsonObject, now: Date): CardInputResult {
  const cardNumber = String(field(body, 'cardNumber'));
  if (!DIGITS.test(cardNumber) || cardNumber.length < 15 || cardNumber.length > 16) {
    return { ok: false, code: 'INVALID_CARD_NUMBER' };
  }

  const year = String(field(body, 'cardExpirationYear'));
  const month = String(field(body, 'cardExpirationMonth'));
  if (!TWO_DIGITS.test(year) || !TWO_DIGITS.test(month) || Number(month) < 1 || Number(month) > 12) {
    return { ok: false, code: 'INVALID_CARD_EXPIRATION' };
  }
  const expiry = { year: 2000 + Number(year), month: Number(month) };
  if (isExpired(expiry, now)) return { ok: false, code: 'INVALID_CARD_EXPIRATION' };

  const identity = String(field(body, 'customerIdentityNumber'));
  if (!/^(\d{6}|\d{10})$/.test(identity)) return { ok: false, code: 'INVALID_BIRTH_DAY_FORMAT' };

  const password = field(body, 'cardPassword');
  if (password !== undefined && (typeof password !== 'string' || !TWO_DIGITS.test(password))) {
    return { ok: false, code: 'INVALID_CARD_PASSWORD' };
  }

  const identityKind = identity.length === 6 ? 'birth-date' : 'business-number';
  const testCard = findTestCard(cardNumber) ?? koreanCardProfile(cardNumber, identityKind);
  if (!testCard) return { ok: false, code: 'INVALID_CARD_NUMBER' };
  if (testCard.issue !== 'ISSUED') return { ok: false, code: testCard.issue };
  if (testCard.identity !== 'any' && testCard.identity !== identityKind) {
    return { ok: false, code: 'INVALID_CARD_IDENTITY' };
  }

  return {
    ok: true,
    cardOnFile: {
      testCard,
      card: {
        issuerCode: testCard.issuerCode,
        acquirerCode: testCard.acquirerCode,
        number: maskCardNumber(cardNumber),
        cardType: testCard.cardType,
        ownerType: testCard.ownerType,
      },
      expiry,
    },
  };
}

/** A card is valid through the last day of its expiry month, in Korea. */
export function isExpired(expiry: CardOnFile['expiry'], now: Date): boolean {
  const today = kstYearMonth(now);
  return expiry.year < today.year || (expiry.year === today.year && expiry.month < today.month);
}
