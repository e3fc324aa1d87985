import path from 'node:path';
import { throwIfInvalid } from '../billing/index.ts';
import { readSetting, unmatchedTossPayments } from '../ledger/index.ts';
import {
  backupHealth,
  createRecoveryCode,
  RecoveryError,
  recoveryStatus,
  resolveUnmatchedTossPayment,
  setOffsiteBackup,
} from '../recovery/index.ts';
import { type ApiContext, actorOf } from './api-context.ts';
import type { DeskApi } from './desk-api-types.ts';
import { STORE_DETAILS } from './settings.ts';

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** The recovery code, off-PC backups and the first-run restore (design.md "Recovery"). */
export function recoveryHandlers(ctx: ApiContext) {
  const { deps, host, desk } = ctx;
  const health = () => backupHealth(desk().ledger.db, deps.now());
  return {
    getRecoveryStatus: () => recoveryStatus(desk().ledger.db),
    async createRecoveryCode({ replace }, session) {
      const db = desk().ledger.db;
      const replaced = recoveryStatus(db).configured;
      const dataKey = await desk().secrets.ledgerDataKey({ mayCreate: false });
      const { code, status } = await createRecoveryCode(
        db,
        { dataKey, replace, ...actorOf(session) },
        deps.now,
      );
      return {
        code,
        createdAt: status.createdAt ?? deps.now().getTime(),
        id: status.id ?? '',
        storeName: readSetting(db, STORE_DETAILS).name,
        replaced,
      };
    },
    getBackupHealth: () => health(),
    async setBackupFolder({ folder, time }, session) {
      const trimmed = folder === null ? null : folder.trim() || null;
      throwIfInvalid({
        ...(trimmed !== null &&
          !path.isAbsolute(trimmed) && {
            folder: {
              code: 'FOLDER_NOT_ABSOLUTE',
              message: '백업 폴더는 드라이브나 / 부터 시작하는 전체 경로로 입력해 주세요.',
            },
          }),
        ...(!TIME.test(time) && {
          time: {
            code: 'BACKUP_TIME_INVALID',
            message: '백업 시각은 00:00부터 23:59 사이의 HH:MM 형식이어야 합니다.',
          },
        }),
      });
      setOffsiteBackup(desk().ledger.db, { folder: trimmed, time }, actorOf(session), deps.now);
      return health();
    },
    async runOffsiteBackup() {
      await desk().offsiteBackupNow();
      return health();
    },
    async restoreFromFile({ file, code }) {
      // Public only for a folder that is still empty: once an owner exists, restores are the owner's.
      if (!desk().operators.needsOwner()) throw new RecoveryError('RESTORE_TARGET_HAS_LEDGER');
      await host.restore(file, { code, replace: false });
      // No statusChanged here: the screen shows what comes next (sign in, then the secret key)
      // and refreshes the status when the person moves on.
      const report = desk().lastCatchUp();
      return {
        recoveredCharges: report?.recoveredCharges ?? 0,
        recoveredRefunds: report?.recoveredRefunds ?? 0,
        needsReview: report?.needsReview ?? 0,
        caughtUp: report !== null,
      };
    },
    async choosePath({ kind }) {
      return { path: deps.choosePath ? await deps.choosePath(kind) : null };
    },
    listUnmatchedTossPayments: () => unmatchedTossPayments(desk().ledger.db),
    resolveUnmatchedTossPayment({ id, reason }, session) {
      if (reason.trim() === '') {
        throwIfInvalid({ reason: { code: 'REASON_REQUIRED', message: '확인 내용(사유)을 입력해 주세요.' } });
      }
      const db = desk().ledger.db;
      if (!resolveUnmatchedTossPayment(db, { id, reason, ...actorOf(session) }, deps.now)) {
        throw new RecoveryError('NOT_UNDER_REVIEW');
      }
      return unmatchedTossPayments(db);
    },
  } satisfies Partial<DeskApi>;
}
