import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sandboxPerFile } from '../support/toss-sandbox.ts';
import { deskPerTest } from './desk-fixture.ts';

const sandbox = sandboxPerFile();
const newDesk = deskPerTest(sandbox);

/** A 1×1 PNG, base64: what the signature pad sends. */
const SIGNATURE =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

async function signedInOwner() {
  const desk = await newDesk();
  const owner = desk.session();
  await desk.ok('createOwner', { name: '대표', pin: '135790' }, owner);
  await desk.ok('setSecretKey', { secretKey: `test_sk_${randomUUID().replaceAll('-', '')}` }, owner);
  const member = await desk.ok('createMember', { name: '동의회원' }, owner);
  const plan = await desk.ok(
    'createPlan',
    { name: '월 회원권', amount: 30_000, intervalUnit: 'month', intervalCount: 1 },
    owner,
  );
  return { desk, owner, member, plan };
}

describe('members’ consent over IPC', () => {
  it('refuses to subscribe without consent, and records the consent with its signature and terms', async () => {
    const { desk, owner, member, plan } = await signedInOwner();
    const terms = { memberId: member.id, planId: plan.id, anchorDate: '2026-12-10' };
    expect(await desk.call('subscribe', terms as never, owner)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_REQUEST' },
    });
    expect(await desk.ok('listSubscriptions', {}, owner)).toEqual([]);

    await desk.ok(
      'setConsentTemplate',
      {
        text: '{member}님, {order} {amount}원 {cycle}. 첫 결제 {firstChargeDate}. {howToCancel}',
        howToCancel: '전화로 해지',
      },
      owner,
    );
    const preview = await desk.ok('previewConsentTerms', terms, owner);
    expect(preview.text).toBe('동의회원님, 월 회원권 30,000원 1개월마다. 첫 결제 2026-12-10. 전화로 해지');
    const subscription = await desk.ok(
      'subscribe',
      { ...terms, consent: { method: 'signature', signaturePng: SIGNATURE, note: '카운터' } },
      owner,
    );
    const [consent] = await desk.ok('listConsents', { memberId: member.id }, owner);
    expect(consent).toMatchObject({
      subscriptionId: subscription.id,
      kind: 'subscription',
      method: 'signature',
      hasSignature: true,
      operatorName: '대표',
      terms: { text: preview.text, amount: 30_000, firstChargeDate: '2026-12-10' },
    });
    const record = await desk.ok('getConsent', { id: consent?.id ?? 0 }, owner);
    expect(record.signaturePng).toBe(SIGNATURE);

    const csv = await desk.ok('exportConsents', { from: 0, to: Date.now() + 60_000 }, owner);
    expect(csv.fileName).toBe('consents.csv');
    const lines = csv.csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('동의회원');
    expect(lines[1]).toContain('정기결제 동의');
    expect(lines[1]).toContain('대면 서명');
    const empty = await desk.ok('exportConsents', { from: 0, to: 1 }, owner);
    expect(
      empty.csv
        .replace(/^\uFEFF/, '')
        .trim()
        .split(/\r?\n/),
    ).toHaveLength(1);
  });

  it('keeps the consent record and its signature through a backup and a restore', async () => {
    const { desk, owner, member, plan } = await signedInOwner();
    await desk.ok(
      'subscribe',
      {
        memberId: member.id,
        planId: plan.id,
        anchorDate: '2026-12-10',
        consent: { method: 'signature', signaturePng: SIGNATURE },
      },
      owner,
    );
    const [before] = await desk.ok('listConsents', {}, owner);
    const backup = await desk.ok('backupNow', {}, owner);
    // After the backup: a second member's consent, which the restore takes away again.
    const other = await desk.ok('createMember', { name: '백업후' }, owner);
    await desk.ok(
      'subscribe',
      { memberId: other.id, planId: plan.id, anchorDate: '2026-12-11', consent: { method: 'phone' } },
      owner,
    );
    await desk.ok('restoreBackup', { file: backup.file }, owner);
    const again = desk.session();
    const [person] = await desk.ok('listOperators', {}, again);
    await desk.ok('signIn', { operatorId: person?.id ?? 0, pin: '135790' }, again);
    expect(await desk.ok('listConsents', {}, again)).toEqual([before]);
    const record = await desk.ok('getConsent', { id: before?.id ?? 0 }, again);
    expect(record).toMatchObject({ ...before, signaturePng: SIGNATURE });
    expect(await desk.ok('checkAudit', {}, again)).toMatchObject({ ok: true });
  });
});
