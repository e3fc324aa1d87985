import { appendAudit } from '../audit/index.ts';
import { BillingError, clearTossClientKey, setTossClientKey, throwIfInvalid } from '../billing/index.ts';
import { readSetting, writeSetting } from '../ledger/index.ts';
import { DEFAULT_RUN_TIME, moveStoreTimeZone, STORE_TIME_ZONE, storeTimeZone } from '../schedule/index.ts';
import { type ApiContext, actorOf, operatorOf } from './api-context.ts';
import { backupNow, listBackups } from './backups.ts';
import type { DeskApi } from './desk-api.ts';
import {
  CATCH_UP_THRESHOLD_DAYS,
  IDLE_LOCK_MINUTES,
  KEY_IN_ENABLED,
  RETRY_DAYS,
  STORE_DETAILS,
} from './settings.ts';

/** Owner settings (keys, training, options, store details) and backups; every change audited. */
export function settingsHandlers(ctx: ApiContext) {
  const { deps, host, desk, statusChanged, auditSetting, secretKeyMode, appStatus } = ctx;
  const scheduleSettings = () => ({
    catchUpThresholdDays: readSetting(desk().ledger.db, CATCH_UP_THRESHOLD_DAYS),
    retryDays: [...readSetting(desk().ledger.db, RETRY_DAYS)],
    timeZone: storeTimeZone(desk().ledger.db),
    defaultRunTime: readSetting(desk().ledger.db, DEFAULT_RUN_TIME),
  });
  return {
    async setSecretKey({ secretKey }, session) {
      await desk().secrets.setTossSecretKey(secretKey);
      await desk().reload();
      const status = await desk().secrets.tossSecretKeyStatus();
      auditSetting(session, 'settings.toss_secret_key_set', { mode: status.mode });
      return status;
    },
    async clearSecretKey(_request, session) {
      await desk().secrets.clearTossSecretKey();
      await desk().reload();
      auditSetting(session, 'settings.toss_secret_key_cleared', {});
      return desk().secrets.tossSecretKeyStatus();
    },
    async setClientKey({ clientKey }, session) {
      return setTossClientKey(
        desk().ledger.db,
        { clientKey, secretKeyMode: await secretKeyMode(), ...actorOf(session) },
        deps.now,
      );
    },
    async clearClientKey(_request, session) {
      return clearTossClientKey(
        desk().ledger.db,
        { secretKeyMode: await secretKeyMode(), ...actorOf(session) },
        deps.now,
      );
    },
    async setTrainingMode({ enabled }, session) {
      if (enabled !== host.training()) auditSetting(session, 'settings.training_mode', { enabled });
      await host.setTraining(enabled);
      // Operators live in each folder's ledger: the one signed in here is not one over there.
      session.operator = null;
      statusChanged();
      return appStatus(session);
    },
    setIdleLock({ minutes }, session) {
      const db = desk().ledger.db;
      db.transaction(() => {
        writeSetting(db, IDLE_LOCK_MINUTES, minutes, deps.now());
        auditSetting(session, 'settings.idle_lock_minutes', { minutes });
      })();
      return appStatus(session);
    },
    setKeyIn({ enabled }, session) {
      const db = desk().ledger.db;
      db.transaction(() => {
        writeSetting(db, KEY_IN_ENABLED, enabled, deps.now());
        auditSetting(session, 'settings.key_in_enabled', { enabled });
      })();
      return appStatus(session);
    },
    setLaunchAtLogin({ enabled }, session) {
      deps.launchAtLogin.set(enabled);
      auditSetting(session, 'settings.launch_at_login', { enabled });
      return appStatus(session);
    },
    getStoreDetails: () => readSetting(desk().ledger.db, STORE_DETAILS),
    setStoreDetails(details, session) {
      const db = desk().ledger.db;
      const trimmed = {
        name: details.name.trim(),
        businessNumber: details.businessNumber,
        address: details.address.trim(),
        phone: details.phone.trim(),
      };
      db.transaction(() => {
        writeSetting(db, STORE_DETAILS, trimmed, deps.now());
        auditSetting(session, 'settings.store_details', trimmed);
      })();
      return trimmed;
    },
    getScheduleSettings: () => scheduleSettings(),
    async setScheduleSettings({ catchUpThresholdDays, retryDays, timeZone, defaultRunTime }, session) {
      throwIfInvalid({
        ...(retryDays.some((day, i) => i > 0 && day <= (retryDays[i - 1] as number)) && {
          retryDays: {
            code: 'RETRY_DAYS_ORDER',
            message: '재시도 날짜는 작은 수부터 겹치지 않게 입력해 주세요 (예: 1, 3, 7).',
          },
        }),
        ...(!STORE_TIME_ZONE.valid(timeZone) && {
          timeZone: {
            code: 'TIME_ZONE_INVALID',
            message: '목록에 있는 시간대를 골라 주세요 (예: Asia/Seoul).',
          },
        }),
        ...(!DEFAULT_RUN_TIME.valid(defaultRunTime) && {
          defaultRunTime: {
            code: 'CHARGE_TIME_INVALID',
            message: '기본 결제 시각은 00:00부터 23:59 사이의 HH:MM 형식이어야 합니다.',
          },
        }),
      });
      const db = desk().ledger.db;
      db.transaction(() => {
        const now = deps.now();
        writeSetting(db, CATCH_UP_THRESHOLD_DAYS, catchUpThresholdDays, now);
        writeSetting(db, RETRY_DAYS, retryDays, now);
        writeSetting(db, DEFAULT_RUN_TIME, defaultRunTime, now);
        const subscriptionsMoved = timeZone === storeTimeZone(db) ? 0 : moveStoreTimeZone(db, timeZone, now);
        auditSetting(session, 'settings.schedule', {
          catchUpThresholdDays,
          retryDays: [...retryDays],
          timeZone,
          defaultRunTime,
          subscriptionsMoved,
        });
      })();
      await desk().reload();
      // The renderer shows days and times in the store's zone, which it reads from the app status.
      statusChanged();
      return scheduleSettings();
    },
    backupNow: () => backupNow(desk().ledger, desk().dataDir, deps.now),
    listBackups: () => listBackups(desk().dataDir),
    async restoreBackup({ file }, session) {
      // Only a file this folder's own backup list shows: never a path the renderer made up.
      const known = (await listBackups(desk().dataDir)).find((backup) => backup.file === file);
      if (!known) {
        throw new BillingError(
          'BACKUP_NOT_FOUND',
          '백업 목록에 없는 파일입니다. 목록을 새로 고친 뒤 다시 골라 주세요.',
        );
      }
      const who = operatorOf(session);
      await host.restore(known.file);
      // Written in the restored ledger, by name: its operator ids may not be this session's.
      appendAudit(
        desk().ledger.db,
        {
          actor: who.name,
          operatorId: null,
          action: 'ledger.restored',
          subject: 'ledger',
          details: { file: known.file },
        },
        deps.now,
      );
      session.operator = null;
      statusChanged();
      return appStatus(session);
    },
  } satisfies Partial<DeskApi>;
}
