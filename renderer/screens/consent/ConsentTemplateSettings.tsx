import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { usePermission } from '../../app/use-permission.ts';
import { call } from '../../bridge.ts';
import { ErrorAlert, Notice } from '../../components/Alert.tsx';
import { showRefusal } from '../../components/field-messages.ts';
import { PermissionHint } from '../../components/PermissionHint.tsx';
import { TextField } from '../../components/TextField.tsx';
import { useLoad } from '../../components/use-load.ts';
import { useI18n } from '../../i18n/i18n.tsx';

/** The terms members are shown when subscribing, and how they cancel (owner). */
export function ConsentTemplateSettings() {
  const { t } = useI18n();
  const { allowed } = usePermission('setConsentTemplate');
  const load = useCallback(() => call('getConsentTemplate', {}), []);
  const { data, failure: loadFailure } = useLoad(load);
  const [text, setText] = useState('');
  const [howToCancel, setHowToCancel] = useState('');
  const [errors, setErrors] = useState<Partial<Record<string, string>>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    if (!data) return;
    setText(data.text);
    setHowToCancel(data.howToCancel);
  }, [data]);

  async function save(event: FormEvent) {
    event.preventDefault();
    const result = await call('setConsentTemplate', { text, howToCancel });
    setSaved(result.ok);
    if (result.ok) {
      setErrors({});
      setFailure(null);
      return;
    }
    showRefusal(result.error, setErrors, setFailure);
  }

  return (
    <form className="panel stack" aria-labelledby="consent-template-title" onSubmit={(e) => void save(e)}>
      <h2 id="consent-template-title">{t('consent.templateTitle')}</h2>
      <p className="muted">{t('consent.templateIntro')}</p>
      <PermissionHint action="setConsentTemplate" />
      {loadFailure && <ErrorAlert>{loadFailure}</ErrorAlert>}
      {failure && <ErrorAlert>{failure}</ErrorAlert>}
      {saved && <Notice>{t('consent.templateSaved')}</Notice>}
      <div className="field">
        <label htmlFor="consent-template-text">{t('consent.templateText')}</label>
        <textarea
          id="consent-template-text"
          rows={7}
          value={text}
          maxLength={4000}
          disabled={!allowed}
          onChange={(event) => setText(event.target.value)}
        />
        {errors.text && <p className="field-error">{errors.text}</p>}
      </div>
      <TextField
        id="consent-how-to-cancel"
        label={t('consent.howToCancel')}
        value={howToCancel}
        maxLength={500}
        disabled={!allowed}
        error={errors.howToCancel}
        onChange={(event) => setHowToCancel(event.target.value)}
      />
      <div className="actions">
        <button type="submit" className="button-primary" disabled={!allowed}>
          {t('consent.templateSave')}
        </button>
      </div>
    </form>
  );
}
