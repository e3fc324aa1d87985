import { describe, expect, it } from 'vitest';
import {
  clearTossClientKey,
  setTossClientKey,
  tossClientKeyStatus,
  usableTossClientKey,
} from '../../electron/core/billing/index.ts';
import { tempLedgers } from '../ledger/temp-ledger.ts';
import { expectBillingError } from './expect-billing-error.ts';
import { auditOf } from './harness.ts';

const temp = tempLedgers();
const now = () => new Date('2026-03-30T05:39:56Z');

describe('the store’s Toss client key', () => {
  it('is stored trimmed in the ledger’s settings, with an audit row that holds its mode only', async () => {
    const ledger = await temp.ledger();
    const { db } = ledger;
    expect(tossClientKeyStatus(db, 'test')).toEqual({
      configured: false,
      mode: null,
      matchesKeyMode: false,
    });
    const status = setTossClientKey(
      db,
      {
        clientKey: '  test_ck_docs_Ovk5rk1EwkEbP0W43n07xlzm\n',
        secretKeyMode: 'test',
        actor: '사장님',
        operatorId: null,
      },
      now,
    );
    expect(status).toEqual({ configured: true, mode: 'test', matchesKeyMode: true });
    expect(usableTossClientKey(db, 'test')).toBe('test_ck_docs_Ovk5rk1EwkEbP0W43n07xlzm');
    expect(db.prepare("SELECT value FROM settings WHERE key = 'toss.client_key'").pluck().get()).toBe(
      '"test_ck_docs_Ovk5rk1EwkEbP0W43n07xlzm"',
    );
    expect(auditOf(ledger, 'settings')).toEqual([
      {
        actor: '사장님',
        operatorId: null,
        action: 'settings.toss_client_key_set',
        details: { mode: 'test' },
      },
    ]);

    expect(clearTossClientKey(db, { secretKeyMode: 'test' }, now)).toEqual({
      configured: false,
      mode: null,
      matchesKeyMode: false,
    });
    await expectBillingError(() => usableTossClientKey(db, 'test'), 'CLIENT_KEY_NOT_CONFIGURED');
    expect(auditOf(ledger, 'settings').map((row) => row.action)).toEqual([
      'settings.toss_client_key_set',
      'settings.toss_client_key_cleared',
    ]);
  });

  it.each([
    ['test_sk_zXLkKEypNArWmo50nX3lmeaxYG5R', 'CLIENT_KEY_IS_SECRET_KEY'],
    ['live_sk_zXLkKEypNArWmo50nX3lmeaxYG5R', 'CLIENT_KEY_IS_SECRET_KEY'],
    ['test_gck_docs_Ovk5rk1EwkEbP0W43n07xlzm', 'CLIENT_KEY_IS_WIDGET_KEY'],
    ['test_ck_', 'CLIENT_KEY_MALFORMED'],
    ['test_ck_abc def', 'CLIENT_KEY_MALFORMED'],
    ['', 'CLIENT_KEY_MALFORMED'],
  ])('refuses %s as %s, without repeating the key', async (clientKey, code) => {
    const { db } = await temp.ledger();
    const error = await expectBillingError(
      () => setTossClientKey(db, { clientKey, secretKeyMode: 'test' }, now),
      'INVALID_INPUT',
    );
    expect(error.fields?.clientKey?.code).toBe(code);
    if (clientKey.length > 8) expect(error.message).not.toContain(clientKey.slice(8));
    expect(tossClientKeyStatus(db, 'test').configured).toBe(false);
  });

  it('must be of the secret key’s mode, and reports a mismatch that appears later', async () => {
    const { db } = await temp.ledger();
    await expectBillingError(
      () => setTossClientKey(db, { clientKey: 'live_ck_store', secretKeyMode: 'test' }, now),
      'CLIENT_KEY_MODE_MISMATCH',
    );
    // Without a secret key yet, any mode is taken; the window checks again when it opens.
    setTossClientKey(db, { clientKey: 'live_ck_store', secretKeyMode: null }, now);
    expect(tossClientKeyStatus(db, 'test')).toEqual({
      configured: true,
      mode: 'live',
      matchesKeyMode: false,
    });
    await expectBillingError(() => usableTossClientKey(db, 'test'), 'CLIENT_KEY_MODE_MISMATCH');
    await expectBillingError(() => usableTossClientKey(db, null), 'CLIENT_KEY_MODE_MISMATCH');
    expect(usableTossClientKey(db, 'live')).toBe('live_ck_store');
  });
});
