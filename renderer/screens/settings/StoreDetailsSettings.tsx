import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { STORE_TEXT_LIMITS } from '../../../shared/rules/index.ts';
import { usePermission } from '../../app/use-permission.ts';
import { call } from '../../bridge.ts';
import { ErrorAlert, Notice } from '../../components/Alert.tsx';
import { PermissionHint } from '../../components/PermissionHint.tsx';
import { TextField } from '../../components/TextField.tsx';
import { useFormValues } from '../../components/use-form-values.ts';
import { useLoad } from '../../components/use-load.ts';
import { useI18n } from '../../i18n/i18n.tsx';

type Details = { name: string; businessNumber: string; address: string; phone: string };
const EMPTY: Details = { name: '', businessNumber: '', address: '', phone: '' };

/** What every receipt prints at the top; only the owner may change it, the others read it. */
export function StoreDetailsSettings() {
  const { t } = useI18n();
  const { allowed } = usePermission('setStoreDetails');
  const load = useCallback(() => call('getStoreDetails', {}), []);
  const { data, failure: loadFailure } = useLoad(load);
  const { values: details, setValues: setDetails, bind } = useFormValues<keyof Details>(EMPTY);
  const [error, setError] = useState<string | undefined>();
  const [failure, setFailure] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    if (data) setDetails(data);
  }, [data, setDetails]);

  async function save(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    const digits = details.businessNumber.replace(/\D/g, '');
    if (digits !== '' && digits.length !== 10) {
      setError(t('settings.store.businessNumberInvalid'));
      document.getElementById('store-businessNumber')?.focus();
      return;
    }
    setError(undefined);
    const result = await call('setStoreDetails', { ...details, businessNumber: digits });
    if (!result.ok) return setFailure(result.error.message);
    setFailure(null);
    setDetails(result.value);
    setSaved(true);
  }

  return (
    <form className="panel" aria-labelledby="store-title" onSubmit={(e) => void save(e)} noValidate>
      <h2 id="store-title">{t('settings.store.title')}</h2>
      <p className="muted">{t('settings.store.intro')}</p>
      {loadFailure && <ErrorAlert>{loadFailure}</ErrorAlert>}
      {failure && <ErrorAlert>{failure}</ErrorAlert>}
      {saved && <Notice>{t('settings.store.saved')}</Notice>}
      <PermissionHint action="setStoreDetails" />
      <fieldset className="plain" disabled={!allowed}>
        <div className="field-row">
          <TextField
            id="store-name"
            label={t('settings.store.name')}
            maxLength={STORE_TEXT_LIMITS.name}
            {...bind('name')}
          />
          <TextField
            id="store-businessNumber"
            label={t('settings.store.businessNumber')}
            inputMode="numeric"
            maxLength={12}
            error={error}
            {...bind('businessNumber')}
          />
        </div>
        <div className="field-row">
          <TextField
            id="store-address"
            label={t('settings.store.address')}
            maxLength={200}
            {...bind('address')}
          />
          <TextField
            id="store-phone"
            label={t('settings.store.phone')}
            type="tel"
            maxLength={20}
            {...bind('phone')}
          />
        </div>
        <div className="actions">
          <button type="submit" className="button-primary">
            {t('settings.store.save')}
          </button>
        </div>
      </fieldset>
    </form>
  );
}
