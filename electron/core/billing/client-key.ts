import type Database from 'better-sqlite3';
import { appendAudit } from '../audit/index.ts';
import { readSetting, type Setting, writeSetting } from '../ledger/index.ts';
import type { TossKeyMode } from '../secrets/index.ts';
import type { Actor } from './audit.ts';
import { BillingError, invalidInput } from './billing-error.ts';

/*
 * The store's Toss client key (test_ck_/live_ck_), which opens Toss's card registration window
 * (toss-api.md §1.1, §3.2). It lives in the ledger's settings table, not the keychain: it is not a
 * secret (every page that loads Toss's SDK shows it), it belongs to one data folder as the ledger
 * does (training has its own), and its change is audited in the same transaction that makes it.
 */

export interface TossClientKeyStatus {
  readonly configured: boolean;
  readonly mode: TossKeyMode | null;
  /**
   * Whether its mode is the secret key's: a test client key with a live secret key (or the other
   * way round) opens a window whose authKey the secret key cannot exchange (INVALID_API_KEY, §1.2).
   */
  readonly matchesKeyMode: boolean;
}

// toss-api.md §1.1's key shape; the tail allows '_' for the documentation's shared `_docs_` keys.
const CLIENT_KEY = /^(test|live)_ck_[A-Za-z0-9_]+$/;
const TOSS_CLIENT_KEY: Setting<string | null> = {
  key: 'toss.client_key',
  fallback: null,
  valid: (value): value is string | null =>
    value === null || (typeof value === 'string' && CLIENT_KEY.test(value)),
};
const USE_INSTEAD =
  '토스페이먼츠 개발자센터의 API 개별 연동 키 중 클라이언트 키(test_ck_ 또는 live_ck_로 시작)를 입력해 주세요.';
// Toss's other key kinds, easy to paste by mistake; messages never repeat the key itself.
const OTHER_KINDS = [
  { prefix: /^(test|live)_sk_/, code: 'CLIENT_KEY_IS_SECRET_KEY', message: '입력한 키는 시크릿 키입니다.' },
  {
    prefix: /^(test|live)_g(ck|sk)_/,
    code: 'CLIENT_KEY_IS_WIDGET_KEY',
    message: '입력한 키는 결제위젯 연동 키로, 자동결제 카드 등록에 쓸 수 없습니다.',
  },
] as const;

function modeOf(key: string): TossKeyMode | undefined {
  return CLIENT_KEY.exec(key)?.[1] as TossKeyMode | undefined;
}

export function tossClientKeyStatus(
  db: Database.Database,
  secretKeyMode: TossKeyMode | null,
): TossClientKeyStatus {
  const key = readSetting(db, TOSS_CLIENT_KEY);
  const mode = key === null ? null : (modeOf(key) ?? null);
  return { configured: mode !== null, mode, matchesKeyMode: mode !== null && mode === secretKeyMode };
}

/**
 * Checks a client key typed or pasted by staff (surrounding white space dropped) and stores it with
 * its audit row. With a secret key configured, the modes must agree; Toss publishes no rule that
 * ties a client key to its secret key's merchant, so that pairing is proven by the first window.
 */
export function setTossClientKey(
  db: Database.Database,
  input: { clientKey: string; secretKeyMode: TossKeyMode | null } & Actor,
  now: () => Date,
): TossClientKeyStatus {
  const key = typeof input.clientKey === 'string' ? input.clientKey.trim() : '';
  const mode = modeOf(key);
  if (!mode) {
    const other = OTHER_KINDS.find((kind) => kind.prefix.test(key));
    throw invalidInput({
      clientKey: other
        ? { code: other.code, message: `${other.message} ${USE_INSTEAD}` }
        : { code: 'CLIENT_KEY_MALFORMED', message: `클라이언트 키 형식이 올바르지 않습니다. ${USE_INSTEAD}` },
    });
  }
  if (input.secretKeyMode !== null && mode !== input.secretKeyMode) throw modeMismatch(mode);
  db.transaction(() => {
    writeSetting(db, TOSS_CLIENT_KEY, key, now());
    audit(db, input, 'settings.toss_client_key_set', { mode }, now);
  })();
  return tossClientKeyStatus(db, input.secretKeyMode);
}

export function clearTossClientKey(
  db: Database.Database,
  who: Actor & { secretKeyMode: TossKeyMode | null },
  now: () => Date,
): TossClientKeyStatus {
  db.transaction(() => {
    writeSetting(db, TOSS_CLIENT_KEY, null, now());
    audit(db, who, 'settings.toss_client_key_cleared', {}, now);
  })();
  return tossClientKeyStatus(db, who.secretKeyMode);
}

/** The client key to open the registration window with, refused when missing or of the wrong mode. */
export function usableTossClientKey(db: Database.Database, secretKeyMode: TossKeyMode | null): string {
  const key = readSetting(db, TOSS_CLIENT_KEY);
  const mode = key === null ? undefined : modeOf(key);
  if (!key || !mode) {
    throw new BillingError(
      'CLIENT_KEY_NOT_CONFIGURED',
      '토스페이먼츠 클라이언트 키가 설정되지 않아 카드 등록 창을 열 수 없습니다. 설정 화면에서 클라이언트 키를 입력해 주세요.',
    );
  }
  if (mode !== secretKeyMode) throw modeMismatch(mode);
  return key;
}

function modeMismatch(clientMode: TossKeyMode): BillingError {
  const name = (mode: TossKeyMode) => (mode === 'test' ? '테스트' : '라이브');
  const secretMode: TossKeyMode = clientMode === 'test' ? 'live' : 'test';
  return new BillingError(
    'CLIENT_KEY_MODE_MISMATCH',
    `클라이언트 키는 ${name(clientMode)} 키인데 시크릿 키는 ${name(secretMode)} 키이거나 설정되지 않았습니다. 같은 상점의 같은 종류 키를 입력해 주세요.`,
  );
}

function audit(
  db: Database.Database,
  who: Actor,
  action: string,
  details: { mode?: TossKeyMode },
  now: () => Date,
): void {
  appendAudit(
    db,
    { actor: who.actor ?? 'app', operatorId: who.operatorId ?? null, action, subject: 'settings', details },
    now,
  );
}
