import path from 'node:path';
import { appendAudit } from '../audit/index.ts';
import { clearTossClientKey, setTossClientKey } from '../billing/index.ts';
import { RecoveryError } from '../recovery/index.ts';
import { type ApiContext, actorOf, operatorOf } from './api-context.ts';
import { backupNow, deletePlainLegacyBackups, listBackups } from './backups.ts';
import type { DeskApi } from './desk-api-types.ts';

/** Owner settings (keys, training, options, store details) and backups; every change audited. */
export function settingsHandlers(ctx: ApiContext) {
  const { deps, host, desk, statusChanged, auditSetting, secretKeyMode, appStatus } = ctx;
  const scheduleSettings = () => desk().settings.schedule();
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
      desk().settings.setIdleLock(minutes, actorOf(session));
      return appStatus(session);
    },
    setKeyIn({ enabled }, session) {
      desk().settings.setKeyIn(enabled, actorOf(session));
      return appStatus(session);
    },
    setLaunchAtLogin({ enabled }, session) {
      deps.launchAtLogin.set(enabled);
      auditSetting(session, 'settings.launch_at_login', { enabled });
      return appStatus(session);
    },
    getStoreDetails: () => desk().settings.storeDetails(),
    setStoreDetails: (details, session) => desk().settings.setStoreDetails(details, actorOf(session)),
    getScheduleSettings: () => scheduleSettings(),
    async setScheduleSettings(change, session) {
      desk().settings.setSchedule(change, actorOf(session));
      await desk().reload();
      // The renderer shows days and times in the store's zone, which it reads from the app status.
      statusChanged();
      return scheduleSettings();
    },
    backupNow: async () =>
      backupNow(
        desk().ledger,
        desk().dataDir,
        await desk().secrets.ledgerDataKey({ mayCreate: false }),
        deps.now,
      ),
    listBackups: () => listBackups(desk().dataDir),
    async restoreBackup({ file }, session) {
      // Only a file this folder's own backup list shows: never a path the renderer made up.
      const known = (await listBackups(desk().dataDir)).find((backup) => backup.file === file);
      if (!known) {
        throw new RecoveryError('BACKUP_NOT_FOUND');
      }
      const who = operatorOf(session);
      await host.restore(known.file, { plainLegacy: known.plainLegacy });
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
    async deletePlainLegacyBackups(_request, session) {
      const deleted = await deletePlainLegacyBackups(desk().dataDir);
      appendAudit(
        desk().ledger.db,
        {
          ...actorOf(session),
          action: 'backup.plain_deleted',
          subject: 'ledger',
          details: { files: deleted.map((file) => path.basename(file)) },
        },
        deps.now,
      );
      return { deleted: deleted.length };
    },
  } satisfies Partial<DeskApi>;
}
