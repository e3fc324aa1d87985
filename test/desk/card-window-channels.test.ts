import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CARDS, sandboxPayments } from '../billing/harness.ts';
import { sandboxPerFile } from '../support/toss-sandbox.ts';
import { deskPerTest, ipcCard } from './desk-fixture.ts';

const sandbox = sandboxPerFile();
const newDesk = deskPerTest(sandbox);

/** An owner whose store has a secret key and the client key of the same emulator merchant. */
async function storeWithKeys(options: { clientKey: boolean } = { clientKey: true }) {
  const desk = await newDesk();
  const owner = desk.session();
  await desk.ok('createOwner', { name: '대표', pin: '135790' }, owner);
  const merchant = randomUUID().replaceAll('-', '');
  await desk.ok('setSecretKey', { secretKey: `test_sk_${merchant}` }, owner);
  if (options.clientKey) {
    const status = await desk.ok('setClientKey', { clientKey: `test_ck_${merchant}` }, owner);
    expect(status).toEqual({ configured: true, mode: 'test', matchesKeyMode: true });
  }
  const member = await desk.ok('createMember', { name: '창등록' }, owner);
  return { desk, owner, member };
}

describe("card registration through Toss's window, over IPC", () => {
  it('registers the card typed into the window and shows it masked; no card data reaches the app', async () => {
    const { desk, owner, member } = await storeWithKeys();
    expect((await desk.ok('getAppStatus', {}, owner)).clientKeyStatus).toMatchObject({
      matchesKeyMode: true,
    });
    const staff = await desk.signedIn('staff');
    const outcome = await desk.ok('registerCardByWindow', { memberId: member.id }, staff);
    expect(outcome.kind).toBe('registered');
    expect(outcome.registration?.card.maskedNumber).toContain('*');
    expect(JSON.stringify(outcome)).not.toContain(CARDS.good);
    expect((await desk.ok('getMember', { id: member.id }, staff)).card?.id).toBe(
      outcome.registration?.card.id,
    );
  });

  it('registers and charges the first payment in the same flow', async () => {
    const { desk, owner, member } = await storeWithKeys();
    const firstCharge = { amount: 33_000, orderName: '가입비', requestId: randomUUID() };
    const outcome = await desk.ok('registerCardByWindow', { memberId: member.id, firstCharge }, owner);
    expect(outcome.registration?.charge).toMatchObject({ status: 'DONE', amount: 33_000 });
    expect((await sandboxPayments(sandbox)).map((p) => p.totalAmount)).toEqual([33_000]);
  });

  it('reports a closed window as canceled, and a refused card with Toss’s Korean reason', async () => {
    const { desk, owner, member } = await storeWithKeys();
    desk.windowCard = 'cancel';
    expect(await desk.ok('registerCardByWindow', { memberId: member.id }, owner)).toEqual({
      kind: 'canceled',
      registration: null,
    });
    desk.windowCard = { number: CARDS.refusedAtIssue };
    const refused = await desk.call('registerCardByWindow', { memberId: member.id }, owner);
    expect(refused).toMatchObject({ ok: false, error: { code: 'CARD_WINDOW_FAILED' } });
    expect(refused.ok ? '' : refused.error.message).toMatch(/[가-힣]/);
    expect((await desk.ok('getMember', { id: member.id }, owner)).card).toBeNull();
  });

  it('needs a client key of the secret key’s mode, set by the owner only', async () => {
    const { desk, owner, member } = await storeWithKeys({ clientKey: false });
    const missing = await desk.call('registerCardByWindow', { memberId: member.id }, owner);
    expect(missing).toMatchObject({ ok: false, error: { code: 'CLIENT_KEY_NOT_CONFIGURED' } });
    const staff = await desk.signedIn('staff');
    expect(await desk.call('setClientKey', { clientKey: 'test_ck_x' }, staff)).toMatchObject({
      error: { code: 'FORBIDDEN' },
    });
    const secretPasted = await desk.call('setClientKey', { clientKey: 'test_sk_abc' }, owner);
    expect(secretPasted).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        details: { fields: { clientKey: { code: 'CLIENT_KEY_IS_SECRET_KEY' } } },
      },
    });
    const live = await desk.call('setClientKey', { clientKey: 'live_ck_abc' }, owner);
    expect(live).toMatchObject({ ok: false, error: { code: 'CLIENT_KEY_MODE_MISMATCH' } });
  });

  it('refuses key-in before any card data is used once the owner says the store has no key-in contract', async () => {
    const { desk, owner, member } = await storeWithKeys();
    const staff = await desk.signedIn('staff');
    expect(await desk.call('setKeyIn', { enabled: false }, staff)).toMatchObject({
      error: { code: 'FORBIDDEN' },
    });
    expect(await desk.ok('setKeyIn', { enabled: false }, owner)).toMatchObject({ keyInEnabled: false });
    const keyIn = await desk.call('registerCard', { memberId: member.id, card: ipcCard() }, owner);
    expect(keyIn).toMatchObject({ ok: false, error: { code: 'KEY_IN_DISABLED' } });
    expect(await sandbox.control('GET', '/__sandbox/billing-keys')).toEqual([]);
    expect((await desk.ok('registerCardByWindow', { memberId: member.id }, owner)).kind).toBe('registered');
    const audited = await desk.ok('listAudit', { action: 'settings.key_in_enabled' }, owner);
    expect(audited.entries.map((entry) => entry.details)).toEqual([{ enabled: false }]);
  });
});
