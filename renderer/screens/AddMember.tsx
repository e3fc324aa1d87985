import { type FormEvent, useState } from 'react';
import type { MemberViewData } from '../../shared/ipc/index.ts';
import { call } from '../bridge.ts';
import { ErrorAlert } from '../components/Alert.tsx';
import { TextField } from '../components/TextField.tsx';
import { useFocusOnMount } from '../components/use-focus-on-mount.ts';
import { useI18n } from '../i18n/i18n.tsx';

type FieldName = 'name' | 'phone' | 'memberNo';
const FIELD_ORDER: readonly FieldName[] = ['name', 'phone', 'memberNo'];

/** Name first; phone and member number are optional. The core checks them and answers per field. */
export function AddMember({
  onAdded,
  onCancel,
}: {
  onAdded: (member: MemberViewData) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const nameRef = useFocusOnMount<HTMLInputElement>();
  const [values, setValues] = useState<Record<FieldName, string>>({ name: '', phone: '', memberNo: '' });
  const [errors, setErrors] = useState<Partial<Record<string, string>>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const set = (field: FieldName) => (value: string) =>
    setValues((previous) => ({ ...previous, [field]: value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const result = await call('createMember', {
      name: values.name,
      phone: values.phone.trim() === '' ? null : values.phone,
      ...(values.memberNo.trim() === '' ? {} : { memberNo: values.memberNo }),
    });
    setBusy(false);
    if (result.ok) return onAdded(result.value);
    const fields = result.error.details?.fields ?? {};
    setErrors(Object.fromEntries(Object.entries(fields).map(([field, problem]) => [field, problem.message])));
    const first = FIELD_ORDER.find((field) => fields[field]);
    if (first) document.getElementById(`member-${first}`)?.focus();
    else setFailure(result.error.message);
  }

  return (
    <form
      className="panel panel-inline"
      onSubmit={(event) => void submit(event)}
      noValidate
      aria-labelledby="add-member-title"
    >
      <h2 id="add-member-title">{t('memberForm.title')}</h2>
      {failure && <ErrorAlert>{failure}</ErrorAlert>}
      <div className="field-row">
        <TextField
          id="member-name"
          ref={nameRef}
          label={t('memberForm.name')}
          value={values.name}
          maxLength={100}
          onChange={(event) => set('name')(event.target.value)}
          error={errors.name}
        />
        <TextField
          id="member-phone"
          label={t('memberForm.phone')}
          type="tel"
          inputMode="tel"
          value={values.phone}
          maxLength={20}
          onChange={(event) => set('phone')(event.target.value)}
          error={errors.phone}
        />
        <TextField
          id="member-memberNo"
          label={t('memberForm.memberNo')}
          value={values.memberNo}
          maxLength={32}
          onChange={(event) => set('memberNo')(event.target.value)}
          error={errors.memberNo}
        />
      </div>
      <div className="actions">
        <button type="submit" className="button-primary" disabled={busy}>
          {t('memberForm.submit')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('memberForm.cancel')}
        </button>
      </div>
    </form>
  );
}
