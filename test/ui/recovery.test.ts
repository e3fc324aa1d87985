import { copyFile, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../electron/core/desk/index.ts';
import { createMemorySecretStore } from '../ui-bridge/memory-secret-store.ts';
import { seedDemo } from '../ui-bridge/seed.ts';
import { startUiBridge } from '../ui-bridge/ui-bridge.ts';
import { once } from './desk-seed.ts';
import { openUi, type UiFixture } from './ui-fixture.ts';

let ui: UiFixture;
let page: Page;
let work = '';
let backupFile = '';
let code = '';
const PIN = '135790';

const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 10_000 });

/** Store A, made through a bridge of its own (no browser): an owner, a member, a recovery code, a backup. */
async function storeA(): Promise<void> {
  const rendererDir = path.join(work, 'a-renderer');
  await rm(rendererDir, { recursive: true, force: true });
  await import('node:fs/promises').then((fs) => fs.mkdir(rendererDir));
  await writeFile(
    path.join(rendererDir, 'index.html'),
    '<html><head><script type="module"></script></head></html>',
  );
  const bridge = await startUiBridge({ rendererDir, secretStore: createMemorySecretStore() });
  try {
    const session: Session = { operator: null };
    const call = async (channel: Parameters<typeof bridge.dispatch>[0], payload: unknown) => {
      const result = await bridge.dispatch(channel, payload, session);
      if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
      return result.value as Record<string, unknown>;
    };
    await call('createOwner', { name: '김대표', pin: PIN });
    await call('setStoreDetails', { name: '행복 헬스', businessNumber: '', address: '', phone: '' });
    await call('createMember', { name: '복원될회원', phone: '01012345678' });
    code = String((await call('createRecoveryCode', { replace: false })).code);
    const made = String((await call('backupNow', {})).file);
    backupFile = path.join(work, 'store-a.apdbak');
    await copyFile(made, backupFile);
  } finally {
    await bridge.close();
  }
}

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'autopay-ui-recovery-'));
  await storeA();
  ui = await openUi();
  page = ui.page;
  page.setDefaultTimeout(10_000);
}, 120_000);

afterAll(async () => {
  await ui?.close();
  await rm(work, { recursive: true, force: true });
});

/**
 * The first-run restore of store A's backup through the screens, with what each step must show,
 * then the owner signed in on home; made once for the file (a data folder has one first run) by
 * whichever test needs it first.
 */
const restoreStoreA = once(async () => {
  // Starting a new store stays the default; the restore sits beside it.
  await page.getByRole('heading', { name: '처음 설정: 대표 계정 만들기' }).waitFor();
  expect(await page.getByRole('button', { name: '새 매장 시작' }).getAttribute('aria-pressed')).toBe('true');
  await ui.screenshot('recovery-01-first-run');
  await page.getByRole('button', { name: '백업에서 복원' }).click();
  await page.locator('#restore-file').fill(backupFile);
  await page.locator('#restore-code').fill('AAAAA-AAAAA-AAAAA-AAAAA-AAAAA');
  await page.getByRole('button', { name: '복원하기' }).click();
  await page.getByRole('alert').getByText('복구 코드가 맞지 않습니다', { exact: false }).waitFor();
  // What was typed stays, so the person corrects only the code.
  expect(await page.locator('#restore-file').inputValue()).toBe(backupFile);
  await page.locator('#restore-code').fill(code.toLowerCase());
  await page.getByRole('button', { name: '복원하기' }).click();
  await page.getByTestId('restore-done').waitFor();
  expect(await page.getByTestId('restore-done').textContent()).toContain('시크릿 키를 다시 입력해 주세요');
  await ui.screenshot('recovery-02-restored');
  await page.getByRole('button', { name: '로그인하기' }).click();
  await page.getByRole('heading', { name: '로그인' }).waitFor();
  await page.locator('#sign-in-pin').fill(PIN);
  await page.keyboard.press('Enter');
  await page.getByTestId('operator').waitFor();
  // Home right after the restore, before any off-PC backup was made here.
  await page.getByTestId('home-backup').waitFor();
  await poll(() =>
    page
      .getByTestId('backup-warnings')
      .locator('li')
      .evaluateAll((items) => items.map((li) => li.getAttribute('data-warning'))),
  ).toEqual(['no_folder', 'stale']);
  expect(await page.getByTestId('backup-last').textContent()).toBe('확인된 PC 밖 백업이 아직 없습니다.');
});

async function openSettings(): Promise<void> {
  await page.getByRole('navigation').getByRole('button', { name: '설정', exact: true }).click();
  await page.getByRole('heading', { name: '설정' }).waitFor();
}

describe('recovery in the app: first-run restore, the recovery sheet, the off-PC folder and home warnings', () => {
  it('offers 백업에서 복원 next to 새 매장 시작, says when the code is wrong, restores with the right one and shows home without an off-PC backup yet', async () => {
    await restoreStoreA();
    // Store A's member is here, on this PC's screens.
    await page.getByRole('navigation').getByRole('button', { name: '회원', exact: true }).click();
    await page.getByLabel('회원 검색').fill('복원될회원');
    await page.getByRole('button', { name: '복원될회원 회원 열기' }).waitFor();
  });

  it('makes a new recovery code and shows it once on a printable sheet', async () => {
    await restoreStoreA();
    await openSettings();
    await poll(() => page.getByTestId('recovery-status').textContent()).toContain('복구 코드가 있습니다');
    await page.getByRole('button', { name: '새 복구 코드 만들기' }).click();
    await page.getByText('예전 코드가 있어야 열립니다', { exact: false }).first().waitFor();
    await page.getByRole('button', { name: '새 코드 만들기' }).click();
    const sheet = page.getByTestId('recovery-sheet');
    await sheet.waitFor();
    const shown = (await page.getByTestId('recovery-code').textContent()) ?? '';
    expect(shown).toMatch(/^[2-9A-HJKMNP-Z]{5}(-[2-9A-HJKMNP-Z]{5}){4}$/);
    expect(shown).not.toBe(code);
    expect(await sheet.textContent()).toContain('행복 헬스');
    await ui.screenshot('recovery-03-sheet');
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('heading', { name: '설정' }).isVisible()).toBe(false);
    expect(await page.getByTestId('recovery-code').isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });
    await page.getByRole('button', { name: '보관했습니다' }).click();
    expect(await page.getByTestId('recovery-code').count()).toBe(0);
  });

  it('sets the off-PC folder, backs up there and verifies, then warns on home when the folder is gone', async () => {
    await restoreStoreA();
    await openSettings();
    const folder = await mkdtemp(path.join(work, 'usb-'));
    await page.locator('#offsite-folder').fill(folder);
    await page.locator('#offsite-time').fill('22:30');
    await page.getByTestId('offsite-settings').getByRole('button', { name: '저장', exact: true }).click();
    await page.getByText('백업 폴더 설정을 저장했습니다.').waitFor();
    await page.getByRole('button', { name: '지금 PC 밖에 백업' }).click();
    await page.getByText('PC 밖 백업을 쓰고 확인했습니다.').waitFor();
    await poll(() => page.getByTestId('offsite-settings').getByTestId('backup-last').textContent()).toContain(
      '마지막으로 확인된 PC 밖 백업',
    );
    expect(await page.getByTestId('offsite-settings').getByTestId('backup-warnings').count()).toBe(0);
    await ui.screenshot('recovery-04-offsite');

    await rm(folder, { recursive: true });
    await page.getByRole('navigation').getByRole('button', { name: '홈', exact: true }).click();
    await page.getByTestId('home-backup').waitFor();
    await poll(() => page.getByTestId('backup-warnings').textContent()).toContain(
      '백업 폴더에 연결할 수 없습니다',
    );
    await ui.screenshot('recovery-05-home-unreachable');
    expect(ui.pageErrors).toEqual([]);
  });
});

describe('a store without a recovery code (upgraded from an earlier version)', () => {
  let upgraded: UiFixture;
  let ownerPin = '';
  beforeAll(async () => {
    upgraded = await openUi();
    upgraded.page.setDefaultTimeout(10_000);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Seoul' }).format(new Date());
    const owner = await seedDemo(upgraded.bridge, today);
    ownerPin = owner.pin;
    await upgraded.page.reload();
    await upgraded.page.getByRole('heading', { name: '로그인' }).waitFor();
    await upgraded.page.locator('#sign-in-pin').fill(owner.pin);
    await upgraded.page.keyboard.press('Enter');
    await upgraded.page.getByTestId('operator').waitFor();
  }, 120_000);
  afterAll(async () => {
    await upgraded?.close();
  });

  it('is asked on home to make one, and gets the sheet right there', async () => {
    await upgraded.page.getByRole('navigation').getByRole('button', { name: '홈', exact: true }).click();
    const home = upgraded.page.getByTestId('home-backup');
    await home.waitFor();
    await poll(() => home.getByTestId('backup-warnings').textContent()).toContain('복구 코드가 없습니다');
    await upgraded.screenshot('recovery-06-home-no-code');
    await home.getByRole('button', { name: '복구 코드 만들기' }).click();
    await home.getByTestId('recovery-sheet').waitFor();
    expect(await home.getByTestId('recovery-code').textContent()).toMatch(
      /^[2-9A-HJKMNP-Z]{5}(-[2-9A-HJKMNP-Z]{5}){4}$/,
    );
    await poll(() => home.getByTestId('backup-warnings').textContent()).not.toContain('복구 코드가 없습니다');
    expect(await home.getByRole('button', { name: '복구 코드 만들기' }).count()).toBe(0);
    expect(upgraded.pageErrors).toEqual([]);
  });

  it('lists the earlier version’s plain backup as unencrypted, restores it in place, and deletes it once an encrypted one exists', async () => {
    const page = upgraded.page;
    const dir = path.join(upgraded.bridge.desk().dataDir, 'backups');
    await mkdir(dir, { recursive: true });
    await upgraded.bridge.desk().ledger.db.backup(path.join(dir, 'ledger-20261101-093000.sqlite'));
    await page.getByRole('navigation').getByRole('button', { name: '설정', exact: true }).click();
    const table = page.getByTestId('backups-table');
    await table.waitFor();
    expect(await table.getByTestId('backup-plain-legacy').textContent()).toContain(
      '이전 형식, 암호화되지 않음',
    );
    // No encrypted backup yet: nothing is offered for deletion.
    expect(await page.getByTestId('plain-backups').count()).toBe(0);

    // Restored in place as before: everyone is signed out onto the restored ledger.
    await table
      .getByRole('row', { name: /ledger-20261101-093000\.sqlite/ })
      .getByRole('button', { name: '복원' })
      .click();
    await page.getByTestId('restore-confirm').getByRole('button', { name: '정말 복원' }).click();
    await page.getByRole('heading', { name: '로그인' }).waitFor();
    await page.locator('#sign-in-pin').fill(ownerPin);
    await page.keyboard.press('Enter');
    await page.getByTestId('operator').waitFor();
    const audit = await upgraded.bridge
      .desk()
      .ledger.db.prepare("SELECT count(*) FROM audit_log WHERE action = 'ledger.restored'")
      .pluck()
      .get();
    expect(audit).toBe(1);
    await page.getByRole('navigation').getByRole('button', { name: '설정', exact: true }).click();
    await table.waitFor();

    await page.getByRole('button', { name: '지금 백업', exact: true }).click();
    await page.getByTestId('plain-backups').waitFor();
    await upgraded.screenshot('recovery-07-plain-backups');
    await page.getByTestId('plain-backups').getByRole('button', { name: '이전 형식 백업 지우기' }).click();
    await page.getByTestId('plain-backups').getByRole('button', { name: '이전 형식 백업 지우기' }).click();
    await page.getByText('이전 형식 백업 1개를 지웠습니다.').waitFor();
    expect(await table.getByTestId('backup-plain-legacy').count()).toBe(0);
    expect((await readdir(dir)).filter((name) => name.endsWith('.sqlite'))).toEqual([]);
    expect(upgraded.pageErrors).toEqual([]);
  });
});
