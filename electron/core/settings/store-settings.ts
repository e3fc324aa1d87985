import { BUSINESS_NUMBER_PATTERN, roleAtLeast, STORE_TEXT_LIMITS } from '../../../shared/rules/index.ts';
import { appendAudit, type JsonObject } from '../audit/index.ts';
import { type Actor, KEY_IN_ENABLED, throwIfInvalid } from '../billing/index.ts';
import { activeOperatorRole, type Ledger, readSetting, type Setting, writeSetting } from '../ledger/index.ts';
import { DEFAULT_RUN_TIME, moveStoreTimeZone, STORE_TIME_ZONE, storeTimeZone } from '../schedule/index.ts';
import { StaffError } from '../staff/index.ts';
import { IDLE_LOCK_MINUTES, STORE_DETAILS, type StoreDetails } from './desk-settings.ts';
import { CATCH_UP_THRESHOLD_DAYS, RETRY_DAYS } from './schedule-settings.ts';

const DAY_MS = 24 * 60 * 60 * 1_000;

export interface ScheduleSettings {
  /** Periods missed by more than this many days wait for a manager. */
  readonly catchUpThresholdDays: number;
  /** Soft-decline retries, days after the due time. */
  readonly retryDays: number[];
  /** The store's IANA time zone. */
  readonly timeZone: string;
  /** 'HH:MM': the charge time new plans and custom subscriptions get. */
  readonly defaultRunTime: string;
}

/** What the schedule runner takes from the owner's settings: the same for the app and the CLI. */
export interface RunnerSettings {
  readonly catchUpThresholdMs: number;
  readonly dunning: { readonly offsetsMs: readonly number[] };
}

/** Who changes a setting: the audit row's actor and the operator whose role is checked. */
export interface SettingsActor extends Actor {
  readonly operatorId: number;
}

export interface StoreSettingsService {
  schedule(): ScheduleSettings;
  /**
   * Changes any of the schedule settings (the rest stay), owner only, audited with the whole
   * result; a new time zone moves the open subscriptions along. Refused as a whole when a value is bad.
   */
  setSchedule(change: Partial<ScheduleSettings>, who: SettingsActor): ScheduleSettings;
  keyInEnabled(): boolean;
  /** The key-in switch (owner only, audited): off, cards are registered only through Toss's window. */
  setKeyIn(enabled: boolean, who: SettingsActor): boolean;
  runner(): RunnerSettings;
  idleLockMinutes(): number;
  /** Minutes without a person's call before main signs the operator out (0: never); owner only, audited. */
  setIdleLock(minutes: number, who: SettingsActor): number;
  storeDetails(): StoreDetails;
  /** What receipts print about the store, trimmed and checked; owner only, audited. */
  setStoreDetails(details: StoreDetails, who: SettingsActor): StoreDetails;
}

/**
 * The owner's store settings over one ledger, read and enforced here in the core (design.md
 * invariant 10): the app's Settings screen and `desk settings` both come through this.
 */
export function createStoreSettings(ledger: Ledger, now: () => Date): StoreSettingsService {
  const db = ledger.db;

  function requireOwner(who: SettingsActor): void {
    const role = activeOperatorRole(db, who.operatorId);
    if (role === undefined || !roleAtLeast(role, 'owner')) {
      throw new StaffError('OWNER_REQUIRED', '매장 설정은 대표만 바꿀 수 있습니다.');
    }
  }

  function audit(who: SettingsActor, action: string, details: JsonObject): void {
    appendAudit(
      db,
      { actor: who.actor ?? 'app', operatorId: who.operatorId, action, subject: 'settings', details },
      now,
    );
  }

  /** One setting and its audit row, in one transaction (invariant 8). */
  function save<T>(
    setting: Setting<T>,
    value: T,
    who: SettingsActor,
    action: string,
    details: JsonObject,
  ): void {
    db.transaction(() => {
      writeSetting(db, setting, value, now());
      audit(who, action, details);
    })();
  }

  const service: StoreSettingsService = {
    schedule: () => ({
      catchUpThresholdDays: readSetting(db, CATCH_UP_THRESHOLD_DAYS),
      retryDays: [...readSetting(db, RETRY_DAYS)],
      timeZone: storeTimeZone(db),
      defaultRunTime: readSetting(db, DEFAULT_RUN_TIME),
    }),
    setSchedule(change, who) {
      requireOwner(who);
      const next = { ...service.schedule(), ...change };
      const { catchUpThresholdDays, retryDays, timeZone, defaultRunTime } = next;
      const outOfOrder = retryDays.some((day, i) => i > 0 && day <= (retryDays[i - 1] as number));
      throwIfInvalid({
        ...(!CATCH_UP_THRESHOLD_DAYS.valid(catchUpThresholdDays) && {
          catchUpThresholdDays: {
            code: 'CATCH_UP_DAYS_INVALID',
            message: '확인 대기 기준은 1일부터 60일 사이의 정수로 입력해 주세요.',
          },
        }),
        ...(outOfOrder && {
          retryDays: {
            code: 'RETRY_DAYS_ORDER',
            message: '재시도 날짜는 작은 수부터 겹치지 않게 입력해 주세요 (예: 1, 3, 7).',
          },
        }),
        ...(!outOfOrder &&
          !RETRY_DAYS.valid(retryDays) && {
            retryDays: {
              code: 'RETRY_DAYS_INVALID',
              message: '재시도 날짜는 1일부터 60일 사이로 5개까지 입력해 주세요 (예: 1, 3, 7).',
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
      db.transaction(() => {
        const at = now();
        writeSetting(db, CATCH_UP_THRESHOLD_DAYS, catchUpThresholdDays, at);
        writeSetting(db, RETRY_DAYS, retryDays, at);
        writeSetting(db, DEFAULT_RUN_TIME, defaultRunTime, at);
        const subscriptionsMoved = timeZone === storeTimeZone(db) ? 0 : moveStoreTimeZone(db, timeZone, at);
        audit(who, 'settings.schedule', {
          catchUpThresholdDays,
          retryDays: [...retryDays],
          timeZone,
          defaultRunTime,
          subscriptionsMoved,
        });
      })();
      return service.schedule();
    },
    keyInEnabled: () => readSetting(db, KEY_IN_ENABLED),
    setKeyIn(enabled, who) {
      requireOwner(who);
      save(KEY_IN_ENABLED, enabled, who, 'settings.key_in_enabled', { enabled });
      return enabled;
    },
    idleLockMinutes: () => readSetting(db, IDLE_LOCK_MINUTES),
    setIdleLock(minutes, who) {
      requireOwner(who);
      if (!IDLE_LOCK_MINUTES.valid(minutes)) {
        throwIfInvalid({
          minutes: {
            code: 'IDLE_LOCK_INVALID',
            message: '자동 잠금은 0분부터 240분 사이의 정수로 입력해 주세요.',
          },
        });
      }
      save(IDLE_LOCK_MINUTES, minutes, who, 'settings.idle_lock_minutes', { minutes });
      return minutes;
    },
    storeDetails: () => readSetting(db, STORE_DETAILS),
    setStoreDetails(details, who) {
      requireOwner(who);
      const trimmed: StoreDetails = {
        name: details.name.trim(),
        businessNumber: details.businessNumber,
        address: details.address.trim(),
        phone: details.phone.trim(),
      };
      throwIfInvalid({
        ...Object.fromEntries(
          (Object.keys(STORE_TEXT_LIMITS) as (keyof StoreDetails)[])
            .filter((field) => trimmed[field].length > STORE_TEXT_LIMITS[field])
            .map((field) => [
              field,
              {
                code: 'TOO_LONG',
                message: `${STORE_TEXT_LIMITS[field]}자 이하로 입력해 주세요.`,
                params: { max: STORE_TEXT_LIMITS[field] },
              },
            ]),
        ),
        ...(!BUSINESS_NUMBER_PATTERN.test(trimmed.businessNumber) && {
          businessNumber: {
            code: 'BUSINESS_NUMBER_INVALID',
            message: '사업자등록번호는 숫자 10자리로 입력해 주세요.',
          },
        }),
      });
      save(STORE_DETAILS, trimmed, who, 'settings.store_details', { ...trimmed });
      return trimmed;
    },
    runner: () => ({
      catchUpThresholdMs: readSetting(db, CATCH_UP_THRESHOLD_DAYS) * DAY_MS,
      dunning: { offsetsMs: readSetting(db, RETRY_DAYS).map((days) => days * DAY_MS) },
    }),
  };
  return service;
}
