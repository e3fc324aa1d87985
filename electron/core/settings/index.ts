export { IDLE_LOCK_MINUTES, STORE_DETAILS, type StoreDetails } from './desk-settings.ts';
export { CATCH_UP_THRESHOLD_DAYS, RETRY_DAYS } from './schedule-settings.ts';
export {
  createStoreSettings,
  type RunnerSettings,
  type ScheduleSettings,
  type SettingsActor,
  type StoreSettingsService,
} from './store-settings.ts';
