import type { Merchant } from './merchants.ts';
import type { TestCard } from './test-cards.ts';
import type { AbortedPayment, BillingCard, Payment, Transaction } from './toss-objects.ts';

/** What the sandbox keeps about a registered card: never the full number, only what Toss echoes. */
export interface CardOnFile {
  readonly testCard: TestCard;
  readonly card: BillingCard;
  /** The last month the card is valid in, from cardExpirationYear/Month. */
  readonly expiry: { readonly year: number; readonly month: number };
}

export interface BillingKeyRecord {
  readonly billingKey: string;
  readonly merchant: Merchant;
  readonly customerKey: string;
  readonly cardOnFile: CardOnFile;
  readonly authenticatedAt: string;
  status: 'ACTIVE' | 'REMOVED';
}

export interface PaymentRecord {
  readonly merchant: Merchant;
  /** The billing key's customer, which transactions report (§4.4) but the Payment does not. */
  readonly customerKey: string;
  readonly payment: Payment;
}

export interface AbortedRecord {
  readonly merchant: Merchant;
  readonly payment: AbortedPayment;
}

export interface TransactionRecord {
  readonly merchant: Merchant;
  /** transactionAt as epoch ms, whole seconds, for range filtering. */
  readonly at: number;
  readonly transaction: Transaction;
}

export interface AuthKeyRecord {
  readonly merchant: Merchant;
  readonly customerKey: string;
  readonly cardOnFile: CardOnFile;
}

/**
 * All sandbox state, one instance per running sandbox. Records hold their merchant, and every
 * lookup compares it, so each secret key sees only its own data.
 */
export interface SandboxStore {
  readonly billingKeys: Map<string, BillingKeyRecord>;
  /** In approval order. */
  readonly payments: Map<string, PaymentRecord>;
  readonly paymentsByOrder: Map<string, PaymentRecord>;
  /** Refused charges kept as ABORTED payments (switches.ts), by paymentKey and by orderKey. */
  readonly abortedPayments: Map<string, AbortedRecord>;
  readonly abortedByOrder: Map<string, AbortedRecord>;
  /** In the order they happened. */
  readonly transactions: TransactionRecord[];
  readonly authKeys: Map<string, AuthKeyRecord>;
  /** Every identifier handed out, so none is handed out twice. */
  readonly issuedIds: Set<string>;
}

export function createStore(): SandboxStore {
  return {
    billingKeys: new Map(),
    payments: new Map(),
    paymentsByOrder: new Map(),
    abortedPayments: new Map(),
    abortedByOrder: new Map(),
    transactions: [],
    authKeys: new Map(),
    issuedIds: new Set(),
  };
}

export function clearStore(store: SandboxStore): void {
  store.billingKeys.clear();
  store.payments.clear();
  store.paymentsByOrder.clear();
  store.abortedPayments.clear();
  store.abortedByOrder.clear();
  store.transactions.length = 0;
  store.authKeys.clear();
  store.issuedIds.clear();
}

export function orderKey(merchant: Merchant, orderId: string): string {
  return `${merchant.secretKey}\u0000${orderId}`;
}

/** Records an identifier as handed out; false if it already was. */
export function claimId(store: SandboxStore, id: string): boolean {
  if (store.issuedIds.has(id)) return false;
  store.issuedIds.add(id);
  return true;
}
