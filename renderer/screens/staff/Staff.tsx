import { useCallback, useEffect, useState } from 'react';
import type { StaffMemberView } from '../../../shared/ipc/index.ts';
import { call } from '../../bridge.ts';
import { ErrorAlert, Notice } from '../../components/Alert.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { IdleLockSetting } from './IdleLockSetting.tsx';
import { AddOperatorForm, EditOperatorForm, ResetPinForm } from './StaffForms.tsx';

type Panel =
  | { readonly kind: 'add' }
  | { readonly kind: 'edit'; readonly operator: StaffMemberView }
  | { readonly kind: 'pin'; readonly operator: StaffMemberView };

/** The owner's screen: who may sign in, with which role and caps, and the idle lock. */
export function Staff() {
  const { t } = useI18n();
  const [staff, setStaff] = useState<readonly StaffMemberView[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [panel, setPanel] = useState<Panel | null>(null);

  const load = useCallback(async () => {
    const result = await call('listStaff', {});
    if (result.ok) setStaff(result.value);
    else setFailure(result.error.message);
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  const open = (next: Panel) => {
    setNotice(null);
    setPanel(next);
  };
  const done = (message: string) => {
    setPanel(null);
    setNotice(message);
    void load();
  };
  const cancel = () => setPanel(null);

  return (
    <section aria-labelledby="staff-title" className="stack">
      <div className="screen-title">
        <h1 id="staff-title">{t('staff.title')}</h1>
        <button type="button" className="button-primary" onClick={() => open({ kind: 'add' })}>
          {t('staff.add')}
        </button>
      </div>
      {failure && <ErrorAlert>{failure}</ErrorAlert>}
      {notice && <Notice>{notice}</Notice>}
      {panel?.kind === 'add' && <AddOperatorForm onDone={done} onCancel={cancel} />}
      {panel?.kind === 'edit' && (
        <EditOperatorForm key={panel.operator.id} operator={panel.operator} onDone={done} onCancel={cancel} />
      )}
      {panel?.kind === 'pin' && (
        <ResetPinForm key={panel.operator.id} operator={panel.operator} onDone={done} onCancel={cancel} />
      )}
      {staff && (
        <StaffTable
          staff={staff}
          onEdit={(operator) => open({ kind: 'edit', operator })}
          onResetPin={(operator) => open({ kind: 'pin', operator })}
        />
      )}
      <IdleLockSetting />
    </section>
  );
}

function StaffTable({
  staff,
  onEdit,
  onResetPin,
}: {
  staff: readonly StaffMemberView[];
  onEdit: (operator: StaffMemberView) => void;
  onResetPin: (operator: StaffMemberView) => void;
}) {
  const { t, won } = useI18n();
  const cap = (value: number | null) => (value === null ? t('staff.noCap') : won(value));
  return (
    <table className="table" data-testid="staff-table">
      <thead>
        <tr>
          <th scope="col">{t('staff.name')}</th>
          <th scope="col">{t('staff.role')}</th>
          <th scope="col" className="num">
            {t('staff.perChargeCap')}
          </th>
          <th scope="col" className="num">
            {t('staff.dailyCap')}
          </th>
          <th scope="col">{t('staff.state')}</th>
          <th scope="col">
            <span className="visually-hidden">{t('staff.actions')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {staff.map((operator) => (
          <tr key={operator.id} className={operator.active ? undefined : 'muted'}>
            <th scope="row">{operator.name}</th>
            <td>{t(`role.${operator.role}`)}</td>
            <td className="num">{cap(operator.perChargeCap)}</td>
            <td className="num">{cap(operator.dailyCap)}</td>
            <td>
              {operator.active ? t('staff.active') : t('staff.inactive')}
              {operator.locked && <span className="badge badge-failed"> {t('staff.locked')}</span>}
            </td>
            <td>
              <div className="row-actions">
                <button
                  type="button"
                  aria-label={t('staff.editLabel', { name: operator.name })}
                  onClick={() => onEdit(operator)}
                >
                  {t('staff.edit')}
                </button>
                <button
                  type="button"
                  aria-label={t('staff.resetLabel', { name: operator.name })}
                  onClick={() => onResetPin(operator)}
                >
                  {t('staff.reset')}
                </button>
              </div>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
