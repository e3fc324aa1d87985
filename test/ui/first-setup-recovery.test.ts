import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../electron/core/desk/index.ts';
import { checkBackup } from '../../electron/core/recovery/index.ts';
import { once } from './desk-seed.ts';
import { openUi, type UiFixture } from './ui-fixture.ts';

const OWNER = { name: '김대표', pin: '482913' };
const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 10_000 });

let ui: UiFixture;
let page: Page;
let work = '';

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'autopay-ui-first-setup-'));
  ui = await openUi();
  page = ui.page;
  page.setDefaultTimeout(10_000);
}, 60_000);

afterAll(async () => {
  await ui?.close();
  await rm(work, { recursive: true, force: true });
});

async function ownerSession(): Promise<Session> {
  const session: Session = { operator: null };
  const operators = await ui.bridge.dispatch('listOperators', {}, session);
  if (!operators.ok) throw new Error(operators.error.message);
  const [owner] = operators.value as { id: number }[];
  if (!owner) throw new Error('no owner');
  const signedIn = await ui.bridge.dispatch('signIn', { operatorId: owner.id, pin: OWNER.pin }, session);
  if (!signedIn.ok) throw new Error(signedIn.error.message);
  return session;
}

/**
 * The first setup through the screens, from the owner's form to home, with what each step must
 * show; made once for the file (a data folder has one first setup) by whichever test needs it
 * first. Resolves to the recovery code the sheet showed.
 */
const completeFirstSetup = once(async () => {
  await page.getByRole('heading', { name: '처음 설정: 대표 계정 만들기' }).waitFor();
  await page.getByLabel('이름').fill(OWNER.name);
  await page.getByLabel('PIN (숫자 4~6자리)').fill(OWNER.pin);
  await page.getByLabel('PIN 다시 입력').fill(OWNER.pin);
  await page.keyboard.press('Enter');

  // The owner exists and is signed in, but the app stays on first setup for the code.
  await page.getByRole('heading', { name: '처음 설정: 복구 코드' }).waitFor();
  expect(await page.getByTestId('home-backup').count()).toBe(0);
  expect(await page.getByRole('button', { name: '나중에 만들기' }).count()).toBe(1);
  expect(await page.evaluate('document.activeElement.textContent')).toBe('복구 코드 만들기');
  await page.getByRole('button', { name: '복구 코드 만들기' }).click();

  await page.getByTestId('recovery-sheet').waitFor();
  const code = (await page.getByTestId('recovery-code').textContent()) ?? '';
  expect(code).toMatch(/^[A-Z0-9]{5}(-[A-Z0-9]{5}){4}$/);
  expect(await page.getByRole('button', { name: '인쇄' }).count()).toBe(1);
  await ui.screenshot('first-setup-recovery-sheet');
  expect(await page.getByTestId('home-backup').count()).toBe(0);

  await page.getByRole('button', { name: '보관했습니다' }).click();
  await page.getByTestId('home-backup').waitFor();
  return code;
});

describe('first setup gives the owner the recovery code before home', () => {
  it('shows the recovery sheet right after the owner is made, and home only once it is kept', async () => {
    const code = await completeFirstSetup();
    await poll(() => page.getByTestId('operator').textContent()).toBe('김대표 (대표)');
    // A code exists, so home no longer asks for one, and the code is not on screen any more.
    expect(
      await page.getByTestId('home-backup').getByRole('button', { name: '복구 코드 만들기' }).count(),
    ).toBe(0);
    expect(await page.content()).not.toContain(code);
  });

  it('the code shown at first setup opens a backup made afterwards', async () => {
    const code = await completeFirstSetup();
    const session = await ownerSession();
    const member = await ui.bridge.dispatch(
      'createMember',
      { name: '첫회원', phone: '01012345678' },
      session,
    );
    expect(member.ok).toBe(true);
    const made = await ui.bridge.dispatch('backupNow', {}, session);
    if (!made.ok) throw new Error(made.error.message);
    const file = (made.value as { file: string }).file;

    // With the code only (no PC data key), as on a new PC.
    const checked = await checkBackup(file, { code: code.toLowerCase() }, work);
    expect(checked.members).toBe(1);
    await expect(checkBackup(file, { code: 'AAAAA-AAAAA-AAAAA-AAAAA-AAAAA' }, work)).rejects.toMatchObject({
      code: 'RECOVERY_CODE_WRONG',
    });
  });
});
