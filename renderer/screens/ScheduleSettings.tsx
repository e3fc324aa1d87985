import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { usePermission } from '../app/use-permission.ts';
import { call } from '../bridge.ts';
import { ErrorAlert, Notice } from '../components/Alert.tsx';
import { PermissionHint } from '../components/PermissionHint.tsx';
import { TextField } from '../components/TextField.tsx';
import { useLoad } from '../components/use-load.ts';
import { useI18n } from '../i18n/i18n.tsx';

/** '1, 3, 7' ↔ [1, 3, 7]: how staff write the retry days, and what main takes. */
function parseDays(text: string): number[] | null {
  const parts = text.split(/[,\s]+/).filter((part) => part !== '');
  const days = parts.map(Number);
  return days.every((day) => Number.isInteger(day) && day >= 1 && day <= 60) && days.length <= 5
    ? days
    : null;
}

/** When missed periods wait for a manager, and when soft declines are tried again (owner). */
export function ScheduleSettings() {
  const { t } = useI18n();
  const { allowed } = usePermission('setScheduleSettings');
  const load = useCallback(() => call('getScheduleSettings', {}), []);
  const { data, failure: loadFailure } = useLoad(load);
  const [threshold, setThreshold] = useState('');
  const [retryDays, setRetryDays] = useState('');
  const [errors, setErrors] = useState<{ threshold?: string; retryDays?: string }>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    if (!data) return;
    setThreshold(String(data.catchUpThresholdDays));
    setRetryDays(data.retryDays.join(', '));
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
    const result = await call('setScheduleSettings', { catchUpThresholdDays: days, retryDays: retries });
    if (!result.ok) {
      setErrors({ retryDays: result.error.details?.fields?.retryDays?.message });
      return setFailure(result.error.details?.fields ? null : result.error.message);
    }
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
