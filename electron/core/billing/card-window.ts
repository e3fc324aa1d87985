import type Database from 'better-sqlite3';
import type { TossKeyMode } from '../secrets/index.ts';
import type { Actor } from './audit.ts';
import { BillingError } from './billing-error.ts';
import type { CardRegistration, CardService, FirstChargeInput } from './cards.ts';
import { usableTossClientKey } from './client-key.ts';

/** How Toss's registration window ended, as the shell reads it off the success and fail URLs (§3.2). */
export type RegistrationWindowResult =
  | { readonly kind: 'success'; readonly authKey: string }
  | { readonly kind: 'fail'; readonly code: string; readonly message: string }
  | { readonly kind: 'canceled' };

/** Opens the window for this client key and customerKey; main passes the shell's openBillingWindow. */
export type OpenRegistrationWindow = (input: {
  clientKey: string;
  customerKey: string;
}) => Promise<RegistrationWindowResult>;

export interface CardWindowDeps {
  readonly db: Database.Database;
  readonly cards: CardService;
  /** The configured secret key's mode; the client key must be of the same one. */
  readonly secretKeyMode: TossKeyMode | null;
  readonly openWindow: OpenRegistrationWindow;
}

export interface RegisterCardByWindowInput extends Actor {
  memberId: number;
  firstCharge?: FirstChargeInput | undefined;
}

export type CardWindowOutcome =
  | { readonly kind: 'registered'; readonly registration: CardRegistration }
  | { readonly kind: 'canceled' };

// Toss's window sends a cancel by the customer to failUrl like any failure (§3.2); for staff it is a cancel.
const CANCEL_CODES = new Set(['PAY_PROCESS_CANCELED']);

/**
 * Card registration without card data in the app: the member's card is typed into Toss's window,
 * whose authKey is exchanged for the billing key (CardService.registerWithAuthKey). Closing the
 * window is a cancel, not an error; Toss's refusals come back as BillingError with Toss's code and
 * Korean message.
 */
export async function registerCardByWindow(
  deps: CardWindowDeps,
  input: RegisterCardByWindowInput,
): Promise<CardWindowOutcome> {
  const clientKey = usableTossClientKey(deps.db, deps.secretKeyMode);
  const customerKey = deps.cards.windowCustomerKey({ memberId: input.memberId });
  // Before the window opens: the customer never types a card for a charge a manager then refuses.
  const firstChargeApprover = await deps.cards.approveFirstCharge(input);
  const result = await deps.openWindow({ clientKey, customerKey });
  if (result.kind === 'canceled' || (result.kind === 'fail' && CANCEL_CODES.has(result.code))) {
    return { kind: 'canceled' };
  }
  if (result.kind === 'fail') {
    throw new BillingError('CARD_WINDOW_FAILED', `카드를 등록하지 못했습니다: ${result.message}`, {
      tossCode: result.code,
    });
  }
  const registration = await deps.cards.registerWithAuthKey({
    memberId: input.memberId,
    authKey: result.authKey,
    firstCharge: input.firstCharge,
    firstChargeApprover,
    ...(input.actor === undefined ? {} : { actor: input.actor }),
    operatorId: input.operatorId ?? null,
  });
  return { kind: 'registered', registration };
}
