import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { usePermission } from '../../app/use-permission.ts';
import { call } from '../../bridge.ts';
import { ErrorAlert, Notice } from '../../components/Alert.tsx';
import { showRefusal } from '../../components/field-messages.ts';
import { PermissionHint } from '../../components/PermissionHint.tsx';
import { TextField } from '../../components/TextField.tsx';
import { timeZoneChoices } from '../../components/time-zones.ts';
import { useLoad } from '../../components/use-load.ts';
import { useI18n } from '../../i18n/i18n.tsx';

/** '1, 3, 7' ↔ [1, 3, 7]: how staff write the retry days, and what main takes. */
function parseDays(text: string): number[] | null {
  const parts = text.split(/[,\s]+/).filter((part) => part !== '');
  const days = parts.map(Number);
  return days.every((day) => Number.isInteger(day) && day >= 1 && day <= 60) && days.length <= 5
    ? days
    : null;
}

type Errors = Partial<Record<'threshold' | 'retryDays' | 'timeZone' | 'defaultRunTime', string>>;

/**
 * The store's time zone and default run time, when missed periods wait for a manager, and when soft
 * declines are tried again (owner).
 */
export function ScheduleSettings() {
  const { t, locale } = useI18n();
  const { allowed } = usePermission('setScheduleSettings');
  const load = useCallback(() => call('getScheduleSettings', {}), []);
  const { data, failure: loadFailure } = useLoad(load);
  const [threshold, setThreshold] = useState('');
  const [retryDays, setRetryDays] = useState('');
  const [timeZone, setTimeZone] = useState('');
  const [defaultRunTime, setDefaultRunTime] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    if (!data) return;
    setThreshold(String(data.catchUpThresholdDays));
    setRetryDays(data.retryDays.join(', '));
    setTimeZone(data.timeZone);
    setDefaultRunTime(data.defaultRunTime);
  }, [data]);

  async function save(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    const days = Number(threshold);
    const retries = parseDays(retryDays);
    const found = {
      ...(Number.isInteger(days) && days >= 1 && days <= 60
        ? {}
        : { threshold: t('settings.schedule.thresholdInvalid') }),
      ...(retries ? {} : { retryDays: t('settings.schedule.retryInvalid') }),
    };
    setErrors(found);
    if (found.threshold || !retries) return;
    const result = await call('setScheduleSettings', {
      catchUpThresholdDays: days,
      retryDays: retries,
      timeZone,
      defaultRunTime,
    });
    if (!result.ok) return showRefusal(result.error, setErrors, setFailure);
    setFailure(null);
    setRetryDays(result.value.retryDays.join(', '));
    setSaved(true);
  }

  return (
    <form
      className="panel"
      aria-labelledby="schedule-settings-title"
      onSubmit={(e) => void save(e)}
      noValidate
    >
      <h2 id="schedule-settings-title">{t('settings.schedule.title')}</h2>
      {loadFailure && <ErrorAlert>{loadFailure}</ErrorAlert>}
      {failure && <ErrorAlert>{failure}</ErrorAlert>}
      {saved && <Notice>{t('settings.schedule.saved')}</Notice>}
      <PermissionHint action="setScheduleSettings" />
      <fieldset className="plain" disabled={!allowed}>
        <div className="field-row">
          <div className="field">
            <label htmlFor="schedule-time-zone">{t('settings.schedule.timeZone')}</label>
            <select
              id="schedule-time-zone"
              value={timeZone}
              aria-describedby={
                errors.timeZone
                  ? 'schedule-time-zone-hint schedule-time-zone-error'
                  : 'schedule-time-zone-hint'
              }
              aria-invalid={errors.timeZone ? true : undefined}
              onChange={(event) => setTimeZone(event.target.value)}
            >
              {timeZone &&
                timeZoneChoices(timeZone, locale).map((choice) => (
                  <option key={choice.zone} value={choice.zone}>
                    {choice.label}
                  </option>
                ))}
            </select>
            <p id="schedule-time-zone-hint" className="field-hint">
              {t('settings.schedule.timeZoneHint')}
            </p>
            {errors.timeZone && (
              <p id="schedule-time-zone-error" className="field-error">
                {errors.timeZone}
              </p>
            )}
          </div>
          <TextField
            id="schedule-default-run-time"
            type="time"
            label={t('settings.schedule.defaultRunTime')}
            hint={t('settings.schedule.defaultRunTimeHint')}
            value={defaultRunTime}
            onChange={(event) => setDefaultRunTime(event.target.value)}
            error={errors.defaultRunTime}
          />
        </div>
        <div className="field-row">
          <TextField
            id="schedule-threshold"
            label={t('settings.schedule.threshold')}
            hint={t('settings.schedule.thresholdHint')}
            inputMode="numeric"
            value={threshold}
            onChange={(event) => setThreshold(event.target.value.replace(/\D/g, ''))}
            error={errors.threshold}
          />
          <TextField
            id="schedule-retry-days"
            label={t('settings.schedule.retryDays')}
            hint={t('settings.schedule.retryHint')}
            value={retryDays}
            onChange={(event) => setRetryDays(event.target.value)}
            error={errors.retryDays}
          />
        </div>
        <div className="actions">
          <button type="submit" className="button-primary">
            {t('settings.schedule.save')}
          </button>
        </div>
      </fieldset>
    </form>
  );
}
