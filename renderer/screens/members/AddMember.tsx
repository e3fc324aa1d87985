import { type FormEvent, useState } from 'react';
import type { MemberViewData } from '../../../shared/ipc/index.ts';
import { call } from '../../bridge.ts';
import { ErrorAlert } from '../../components/Alert.tsx';
import { FormActions } from '../../components/FormActions.tsx';
import { fieldMessages } from '../../components/field-messages.ts';
import { TextField } from '../../components/TextField.tsx';
import { useFocusOnMount } from '../../components/use-focus-on-mount.ts';
import { useFormValues } from '../../components/use-form-values.ts';
import { useI18n } from '../../i18n/i18n.tsx';

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
  const { values, bind } = useFormValues<FieldName>({ name: '', phone: '', memberNo: '' });
  const [errors, setErrors] = useState<Partial<Record<string, string>>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

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
    const messages = fieldMessages(result.error);
    setErrors(messages);
    const first = FIELD_ORDER.find((field) => messages[field]);
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
          {...bind('name')}
          maxLength={100}
          error={errors.name}
        />
        <TextField
          id="member-phone"
          label={t('memberForm.phone')}
          type="tel"
          inputMode="tel"
          {...bind('phone')}
          maxLength={20}
          error={errors.phone}
        />
        <TextField
          id="member-memberNo"
          label={t('memberForm.memberNo')}
          {...bind('memberNo')}
          maxLength={32}
          error={errors.memberNo}
        />
      </div>
      <FormActions
        submitLabel={t('memberForm.submit')}
        cancelLabel={t('memberForm.cancel')}
        busy={busy}
        onCancel={onCancel}
      />
    </form>
  );
}
