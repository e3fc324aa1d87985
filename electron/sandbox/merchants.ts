import { createHash } from 'node:crypto';

export type TaxType = 'TAXABLE' | 'TAX_FREE' | 'MIXED';

export interface MerchantConfig {
  readonly taxType?: TaxType;
  readonly billingContract?: boolean;
}

export interface Merchant {
  readonly secretKey: string;
  readonly mId: string;
  readonly taxType: TaxType;
  readonly billingContract: boolean;
}

export type FindMerchant = (secretKey: string) => Merchant | undefined;

// The shape §1.1 suggests for secret keys; it admits the docs' shared `_docs_` keys.
const TEST_SECRET_KEY = /^test_sk_[A-Za-z0-9_]+$/;

/**
 * Every test secret key is its own merchant (§17.1). Listed keys take their configuration; they
 * must still be test keys, so that the sandbox can never be mistaken for the live service.
 */
export function createMerchantDirectory(configs: Readonly<Record<string, MerchantConfig>>): FindMerchant {
  for (const key of Object.keys(configs)) {
    if (!key.startsWith('test_')) {
      throw new Error(`The sandbox accepts test keys only; "${key.slice(0, 8)}…" is not one.`);
    }
  }
  const merchants = new Map<string, Merchant>();
  return (secretKey) => {
    const known = merchants.get(secretKey);
    if (known) return known;
    const config = Object.hasOwn(configs, secretKey) ? configs[secretKey] : undefined;
    if (!config && !TEST_SECRET_KEY.test(secretKey)) return undefined;
    const merchant: Merchant = {
      secretKey,
      mId: merchantId(secretKey),
      taxType: config?.taxType ?? 'TAXABLE',
      billingContract: config?.billingContract ?? true,
    };
    merchants.set(secretKey, merchant);
    return merchant;
  };
}

// Derived from the key, not random, so that a merchant keeps its MID across sandbox restarts.
// 'tviva' is the prefix of Toss's test MIDs (§12); the whole stays within the 14-char limit.
function merchantId(secretKey: string): string {
  return `tviva${createHash('sha256').update(secretKey).digest('hex').slice(0, 9)}`;
}
