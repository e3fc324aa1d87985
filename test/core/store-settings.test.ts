import { describe, expect, it } from 'vitest';
import { BillingError } from '../../electron/core/billing/index.ts';
import { createStoreSettings } from '../../electron/core/settings/index.ts';
import { StaffError } from '../../electron/core/staff/index.ts';
import { tempLedgers } from '../ledger/temp-ledger.ts';

const temp = tempLedgers();

async function store() {
  const ledger = await temp.ledger();
  const now = () => new Date(Date.UTC(2026, 10, 29, 1, 0, 0));
  const person = (name: string, role: string) =>
    Number(
      ledger.db
        .prepare(
          "INSERT INTO operators (name, role, pin_hash, created_at) VALUES (?, ?, 'scrypt$not-a-real-hash', 0)",
        )
        .run(name, role).lastInsertRowid,
    );
  const owner = { actor: '대표', operatorId: person('대표', 'owner') };
  const manager = { actor: '매니저', operatorId: person('매니저', 'manager') };
  const audit = () =>
    ledger.db.prepare("SELECT actor, action FROM audit_log WHERE subject = 'settings' ORDER BY id").all() as {
      actor: string;
      action: string;
    }[];
  return { settings: createStoreSettings(ledger, now), owner, manager, audit };
}

function refusal(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a refusal');
}

describe('the store settings, enforced in the core for every caller', () => {
  it('lets only the owner change them, and audits each change', async () => {
    const { settings, owner, manager, audit } = await store();
    for (const change of [
      () => settings.setSchedule({ catchUpThresholdDays: 9 }, manager),
      () => settings.setKeyIn(false, manager),
      () => settings.setIdleLock(10, manager),
      () => settings.setStoreDetails({ name: '가게', businessNumber: '', address: '', phone: '' }, manager),
    ]) {
      expect(refusal(change)).toMatchObject({ code: 'OWNER_REQUIRED' });
      expect(refusal(change)).toBeInstanceOf(StaffError);
    }
    expect(audit()).toEqual([]);

    expect(settings.setSchedule({ retryDays: [2, 5] }, owner)).toEqual({
      catchUpThresholdDays: 3,
      retryDays: [2, 5],
      timeZone: 'Asia/Seoul',
      defaultRunTime: '10:00',
    });
    expect(settings.runner()).toEqual({
      catchUpThresholdMs: 3 * 86_400_000,
      dunning: { offsetsMs: [2 * 86_400_000, 5 * 86_400_000] },
    });
    expect(settings.setKeyIn(false, owner)).toBe(false);
    expect(settings.keyInEnabled()).toBe(false);
    expect(settings.setIdleLock(0, owner)).toBe(0);
    expect(
      settings.setStoreDetails(
        { name: ' 행복 피트니스 ', businessNumber: '1234567890', address: ' 서울 ', phone: '02-1234-5678' },
        owner,
      ),
    ).toEqual({
      name: '행복 피트니스',
      businessNumber: '1234567890',
      address: '서울',
      phone: '02-1234-5678',
    });
    expect(audit()).toEqual([
      { actor: '대표', action: 'settings.schedule' },
      { actor: '대표', action: 'settings.key_in_enabled' },
      { actor: '대표', action: 'settings.idle_lock_minutes' },
      { actor: '대표', action: 'settings.store_details' },
    ]);
  });

  it('refuses bad values with per-field Korean messages, changing nothing', async () => {
    const { settings, owner, audit } = await store();
    const bad = refusal(() =>
      settings.setSchedule({ retryDays: [3, 1], catchUpThresholdDays: 0, timeZone: 'Mars/Olympus' }, owner),
    ) as BillingError;
    expect(bad).toBeInstanceOf(BillingError);
    expect(Object.keys(bad.fields ?? {}).sort()).toEqual(['catchUpThresholdDays', 'retryDays', 'timeZone']);
    expect(refusal(() => settings.setIdleLock(241, owner))).toMatchObject({ code: 'INVALID_INPUT' });
    expect(
      refusal(() =>
        settings.setStoreDetails(
          { name: 'x'.repeat(101), businessNumber: '123', address: '', phone: '' },
          owner,
        ),
      ),
    ).toMatchObject({
      fields: { name: { code: 'TOO_LONG' }, businessNumber: { code: 'BUSINESS_NUMBER_INVALID' } },
    });
    expect(settings.schedule().retryDays).toEqual([1, 3, 7]);
    expect(audit()).toEqual([]);
  });
});
