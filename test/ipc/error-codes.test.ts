import { describe, expect, it } from 'vitest';
import { BillingError } from '../../electron/core/billing/index.ts';
import { toIpcError } from '../../electron/core/desk/ipc-error.ts';
import { RecoveryError } from '../../electron/core/recovery/index.ts';
import { StaffError } from '../../electron/core/staff/index.ts';
import { enErrors, errorMessage, koErrors } from '../../renderer/i18n/error-messages.ts';
import { ERROR_CODES, isErrorCode } from '../../shared/ipc/index.ts';

describe('error codes: one closed list, a message for each in the person’s language', () => {
  it('has an English message of the renderer’s own for every code, and no message for a code not listed', () => {
    expect(Object.keys(enErrors).sort()).toEqual([...ERROR_CODES].sort());
    for (const code of Object.keys(koErrors)) expect(isErrorCode(code), code).toBe(true);
    expect(new Set(ERROR_CODES).size).toBe(ERROR_CODES.length);
  });

  it('shows the core’s Korean words in Korean, and the renderer’s own in English', () => {
    const refused = toIpcError(
      new BillingError('UNRESOLVED_CHARGE', '이전 결제의 결과를 아직 모릅니다. …'),
    ).error;
    expect(refused.code).toBe('UNRESOLVED_CHARGE');
    expect(errorMessage(refused, 'ko')).toBe('이전 결제의 결과를 아직 모릅니다. …');
    expect(errorMessage(refused, 'en')).toBe(enErrors.UNRESOLVED_CHARGE);
    const unreachable = toIpcError(
      new BillingError(
        'TOSS_UNREACHABLE',
        '토스에 연결할 수 없어 지금은 확인할 수 없습니다. 토스 오류 (FAILED_INTERNAL)',
      ),
    ).error;
    expect(errorMessage(unreachable, 'ko')).toBe(
      '토스에 연결할 수 없어 지금은 확인할 수 없습니다. 잠시 후 다시 시도해 주세요.',
    );
    const approver = toIpcError(
      new StaffError('APPROVER_SAME_OPERATOR', '다른 매니저가 승인해야 합니다.'),
    ).error;
    expect(errorMessage(approver, 'en')).toBe(enErrors.APPROVER_SAME_OPERATOR);
  });

  it.each([
    [
      'NO_ENCRYPTED_BACKUP',
      '암호화된 백업이 아직 없습니다. 먼저 "지금 백업"으로 암호화된 백업을 만든 뒤 지워 주세요.',
      'There is no encrypted backup yet. Make one with “Back up now” first, then delete the old backups.',
    ],
    [
      'BACKUP_NOT_FOUND',
      '백업 목록에 없는 파일입니다. 목록을 새로 고친 뒤 다시 골라 주세요.',
      'That file is not in the backup list. Refresh the list and choose again.',
    ],
  ] as const)(
    'recovery’s %s reaches the renderer as an expected refusal with its own words',
    (code, ko, en) => {
      const refused = toIpcError(new RecoveryError(code));
      expect(refused).toEqual({ error: { code, message: ko }, expected: true });
      expect(errorMessage(refused.error, 'en')).toBe(en);
    },
  );

  it('a code outside the list keeps the core’s message rather than showing nothing', () => {
    expect(errorMessage({ code: 'FROM_A_NEWER_CORE', message: '새 오류' }, 'en')).toBe('새 오류');
  });
});
