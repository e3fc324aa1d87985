import { describe, expect, it } from 'vitest';
import { insertConsent, latestPaidConsentAt } from '../../electron/core/ledger/index.ts';
import { rowInserts } from './rows.ts';
import { tempLedgers } from './temp-ledger.ts';

const temp = tempLedgers();
const T = Date.UTC(2025, 0, 15);

describe('latestPaidConsentAt', () => {
  it('answers the latest consent to paid charges, at or after `since` when given', async () => {
    const { db } = await temp.ledger();
    const rows = rowInserts(db);
    const memberId = rows.member();
    const subscriptionId = rows.subscription(memberId);
    const consent = (kind: 'subscription' | 'trial-conversion' | 'withdrawal', at: number) =>
      insertConsent(db, {
        memberId,
        subscriptionId,
        kind,
        method: 'in-person',
        terms: '{}',
        png: null,
        note: null,
        effectiveDate: '2025-01-15',
        operatorId: null,
        actor: 'cli',
        at,
      });

    expect(latestPaidConsentAt(db, subscriptionId)).toBeNull();
    consent('subscription', T);
    consent('trial-conversion', T + 10);
    // Not a consent to paid charges: never the answer, however late.
    consent('withdrawal', T + 20);

    expect(latestPaidConsentAt(db, subscriptionId)).toBe(T + 10);
    expect(latestPaidConsentAt(db, subscriptionId, T + 10)).toBe(T + 10);
    expect(latestPaidConsentAt(db, subscriptionId, T + 11)).toBeNull();
    expect(latestPaidConsentAt(db, subscriptionId + 1)).toBeNull();
  });
});
