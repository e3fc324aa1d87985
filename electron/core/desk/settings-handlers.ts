import { clearTossClientKey, setTossClientKey } from '../billing/index.ts';
import { readSetting, writeSetting } from '../ledger/index.ts';
import { type ApiContext, actorOf } from './api-context.ts';
import { backupNow, listBackups } from './backups.ts';
import type { DeskApi } from './desk-api.ts';
import { IDLE_LOCK_MINUTES, KEY_IN_ENABLED, STORE_DETAILS } from './settings.ts';

/** Owner settings (keys, training, options, store details) and backups; every change audited. */
export function settingsHandlers(ctx: ApiContext) {
  const { deps, host, desk, statusChanged, auditSetting, secretKeyMode, appStatus } = ctx;
  return {
    async setSecretKey({ secretKey }, session) {
      await desk().secrets.setTossSecretKey(secretKey);
      await desk().secretChanged();
      const status = await desk().secrets.tossSecretKeyStatus();
      auditSetting(session, 'settings.toss_secret_key_set', { mode: status.mode });
      return status;
    },
    async clearSecretKey(_request, session) {
      await desk().secrets.clearTossSecretKey();
      await desk().secretChanged();
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
    backupNow: () => backupNow(desk().ledger, desk().dataDir, deps.now),
    listBackups: () => listBackups(desk().dataDir),
  } satisfies Partial<DeskApi>;
}
