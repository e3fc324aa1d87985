// Field names whose value is never logged, whatever it is (design.md invariants 1-3). Compared
// without case, '-', '_' or spaces, so `cardNumber`, `card_number` and `Card-Number` are the same.
const SENSITIVE_NAMES = new Set(
  [
    'cardNumber',
    'cardExpirationYear',
    'cardExpirationMonth',
    'cardPassword',
    'customerIdentityNumber',
    'billingKey',
    'customerKey',
    'authKey',
    'authorization',
    'proxyAuthorization',
    'secretKey',
    'tossSecretKey',
    'password',
    'dataKey',
    'ledgerDataKey',
    // The card form's fields over IPC, and staff PINs (an approval carries one).
    'pin',
    'identity',
    'expiryMonth',
    'expiryYear',
    'recoveryCode',
  ].map(normalize),
);

function normalize(name: string): string {
  return name.replace(/[-_\s]/g, '').toLowerCase();
}

export function isSensitiveName(name: string): boolean {
  return SENSITIVE_NAMES.has(normalize(name));
}
