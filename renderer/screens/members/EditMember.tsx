import { type FormEvent, useState } from 'react';
import type { MemberDetailData } from '../../../shared/ipc/index.ts';
import { call } from '../../bridge.ts';
import { ErrorAlert } from '../../components/Alert.tsx';
import { FormActions } from '../../components/FormActions.tsx';
import { fieldMessages } from '../../components/field-messages.ts';
import { TextField } from '../../components/TextField.tsx';
import { useFocusOnMount } from '../../components/use-focus-on-mount.ts';
import { useFormValues } from '../../components/use-form-values.ts';
import { useI18n } from '../../i18n/i18n.tsx';

type FieldName = 'name' | 'phone' | 'memberNo' | 'memo';
const FIELD_ORDER: readonly FieldName[] = ['name', 'phone', 'memberNo', 'memo'];

/** The same fields as adding a member, filled in; the core answers per field as it does there. */
export function EditMember({
  member,
  onCancel,
  onSaved,
}: {
  member: MemberDetailData;
  onCancel: () => void;
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const nameRef = useFocusOnMount<HTMLInputElement>();
  const { values, bind } = useFormValues<FieldName>({
    name: member.name,
    phone: member.phone ?? '',
    memberNo: member.memberNo,
    memo: member.memo ?? '',
  });
  const [errors, setErrors] = useState<Partial<Record<string, string>>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const result = await call('editMember', {
      id: member.id,
      name: values.name,
      memberNo: values.memberNo,
      phone: values.phone.trim() === '' ? null : values.phone,
      memo: values.memo.trim() === '' ? null : values.memo,
    });
    setBusy(false);
    if (result.ok) return onSaved();
    const messages = fieldMessages(result.error);
    setErrors(messages);
    const first = FIELD_ORDER.find((field) => messages[field]);
    if (first) document.getElementById(`edit-${first}`)?.focus();
    else setFailure(result.error.message);
  }

  const field = (name: FieldName) => ({ ...bind(name), error: errors[name] });

  return (
    <form className="panel" aria-labelledby="edit-member-title" onSubmit={(e) => void submit(e)} noValidate>
      <h2 id="edit-member-title">{t('memberEdit.title')}</h2>
      {failure && <ErrorAlert>{failure}</ErrorAlert>}
      <div className="field-row">
        <TextField
          id="edit-name"
          ref={nameRef}
          label={t('memberForm.name')}
          maxLength={100}
          {...field('name')}
        />
        <TextField
          id="edit-phone"
          label={t('memberForm.phone')}
          type="tel"
          maxLength={20}
          {...field('phone')}
        />
        <TextField
          id="edit-memberNo"
          label={t('memberEdit.memberNo')}
          maxLength={32}
          {...field('memberNo')}
        />
      </div>
      <TextField id="edit-memo" label={t('memberEdit.memo')} maxLength={4000} {...field('memo')} />
      <FormActions submitLabel={t('memberEdit.save')} busy={busy} onCancel={onCancel} />
    </form>
  );
}
