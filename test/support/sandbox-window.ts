import {
  BILLING_FAIL_URL,
  BILLING_SUCCESS_URL,
  type BillingWindowResult,
  billingRedirectResult,
} from '../../electron/shell/billing-window.ts';

/** What a customer types into the emulator's stand-in registration window. */
export interface TypedCard {
  readonly number: string;
  readonly month?: string;
  readonly year?: string;
  readonly identity?: string;
  readonly password?: string;
}

/**
 * Fills in and submits the emulator's registration window without a browser, the way the page's
 * form would, and reads the result off its redirect with the shell's own parser.
 */
export async function submitSandboxWindow(
  sandboxUrl: string,
  keys: { clientKey: string; customerKey: string },
  card: TypedCard | 'cancel',
): Promise<BillingWindowResult> {
  const form = new URLSearchParams({ ...keys, successUrl: BILLING_SUCCESS_URL, failUrl: BILLING_FAIL_URL });
  if (card === 'cancel') {
    form.set('action', 'cancel');
  } else {
    form.set('cardNumber', card.number);
    form.set('cardExpirationMonth', card.month ?? '12');
    form.set('cardExpirationYear', card.year ?? '30');
    form.set('customerIdentityNumber', card.identity ?? '900101');
    form.set('cardPassword', card.password ?? '12');
  }
  const response = await fetch(`${sandboxUrl}/__sandbox/billing-window`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: form,
    redirect: 'manual',
  });
  const location = response.headers.get('location');
  if (response.status !== 303 || location === null) {
    throw new Error(`the sandbox window answered ${response.status} without a redirect`);
  }
  const result = billingRedirectResult(new URL(location), keys.customerKey);
  if (!result) throw new Error('the sandbox window redirected somewhere other than the success or fail URL');
  return result;
}

/** The emulator pairs test_ck_X with test_sk_X (electron/sandbox/README.md). */
export function clientKeyFor(secretKey: string): string {
  return secretKey.replace(/^test_sk_/, 'test_ck_');
}
