/*
 * The limits of a charge, written once: the IPC contract, the core's checks, the ledger's messages
 * and the screens all read them from here (design.md invariant 10).
 */

/** Toss refuses card payments under 100 KRW (BELOW_MINIMUM_AMOUNT, toss-api.md); the ledger's CHECK agrees. */
export const MIN_CHARGE_AMOUNT = 100;

/** The largest amount the desk takes in one request (far above any counter sale). */
export const MAX_AMOUNT = 1_000_000_000;

/** Toss's orderName: 1 to 100 characters (INVALID_ORDER_NAME otherwise, toss-api.md). */
export const ORDER_NAME_MAX = 100;

/**
 * A caller's request id: printable ASCII without spaces, 8 to 200 characters, like an
 * Idempotency-Key. Ids come from code (one per click or script line), never from people.
 */
export const REQUEST_ID_PATTERN = /^[\x21-\x7e]{8,200}$/;
export const REQUEST_ID_MIN = 8;
export const REQUEST_ID_MAX = 200;

/** What a staff member types as the reason of a refund or a decision by hand. */
export const REASON_MAX = 200;

/** The store details a receipt prints, in characters; the business number is 10 digits or empty. */
export const STORE_TEXT_LIMITS = { name: 100, businessNumber: 10, address: 200, phone: 20 } as const;
export const BUSINESS_NUMBER_PATTERN = /^(\d{10})?$/;

/** Minutes without a person's call after which main signs the operator out (0: never). */
export const IDLE_LOCK_MAX_MINUTES = 240;
