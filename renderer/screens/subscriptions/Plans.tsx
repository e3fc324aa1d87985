import { useState } from 'react';
import type { PlanViewData, ResponseOf } from '../../../shared/ipc/index.ts';
import { usePermission } from '../../app/use-permission.ts';
import { call } from '../../bridge.ts';
import { ActionsHeader } from '../../components/ActionsHeader.tsx';
import { ErrorAlert, Notice } from '../../components/Alert.tsx';
import { useRefocus } from '../../components/use-refocus.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { PlanForm } from './PlanForm.tsx';
import { usePeriodLabel } from './use-period-label.ts';

export function Plans({ plans, onChanged }: { plans: readonly PlanViewData[]; onChanged: () => void }) {
  const { t, won } = useI18n();
  const periodLabel = usePeriodLabel();
  const mayEdit = usePermission('updatePlan').allowed;
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<PlanViewData | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const refocus = useRefocus();

  async function archive(id: number) {
    const result = await call('archivePlan', { id });
    if (!result.ok) return setFailure(result.error.message);
    setFailure(null);
    onChanged();
  }

  function closeEdit(id: number) {
    setEditing(null);
    refocus(`plan-edit-open-${id}`);
  }

  function edited({ plan, subscriptionsChanged, subscriptionsAwaitingConsent }: ResponseOf<'updatePlan'>) {
    setNotice(
      // A raise waits for each member's consent (invariant 12): say so instead of "repriced".
      (subscriptionsAwaitingConsent ?? 0) > 0
        ? t('consent.planRaisePending', {
            name: plan.name,
            count: subscriptionsAwaitingConsent ?? 0,
            amount: won(plan.amount),
          })
        : subscriptionsChanged > 0
          ? t('plans.updatedRepriced', {
              name: plan.name,
              count: subscriptionsChanged,
              amount: won(plan.amount),
            })
          : t('plans.updated', { name: plan.name }),
    );
    closeEdit(plan.id);
    onChanged();
  }

  return (
    <div className="panel">
      <div className="panel-title">
        <h2>{t('plans.title')}</h2>
        {!adding && (
          <button
            type="button"
            onClick={() => {
              setEditing(null);
              setAdding(true);
            }}
          >
            {t('plans.add')}
          </button>
        )}
      </div>
      {adding && (
        <PlanForm
          onCancel={() => setAdding(false)}
          onDone={() => {
            setAdding(false);
            onChanged();
          }}
        />
      )}
      {failure && <ErrorAlert>{failure}</ErrorAlert>}
      {notice && <Notice>{notice}</Notice>}
      {plans.length === 0 ? (
        <p className="muted">{t('plans.empty')}</p>
      ) : (
        <table className="table" data-testid="plans-table">
          <thead>
            <tr>
              <th scope="col">{t('plans.name')}</th>
              <th scope="col" className="num">
                {t('plans.amount')}
              </th>
              <th scope="col">{t('plans.interval')}</th>
              <th scope="col">{t('plans.chargeTime')}</th>
              <ActionsHeader />
            </tr>
          </thead>
          <tbody>
            {plans.map((plan) => (
              <tr key={plan.id} className={plan.active ? undefined : 'muted'}>
                <td>{plan.name}</td>
                <td className="num">{won(plan.amount)}</td>
                <td>{periodLabel(plan.intervalUnit, plan.intervalCount)}</td>
                <td>{plan.chargeTime}</td>
                <td className="row-actions">
                  {plan.active && mayEdit && editing?.id !== plan.id && (
                    <button
                      type="button"
                      id={`plan-edit-open-${plan.id}`}
                      onClick={() => {
                        setAdding(false);
                        setNotice(null);
                        setEditing(plan);
                      }}
                    >
                      {t('plans.edit')}
                    </button>
                  )}
                  {plan.active ? (
                    <button type="button" className="button-quiet" onClick={() => void archive(plan.id)}>
                      {t('plans.archive')}
                    </button>
                  ) : (
                    t('plans.archived')
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {editing && (
        <PlanForm key={editing.id} plan={editing} onCancel={() => closeEdit(editing.id)} onDone={edited} />
      )}
    </div>
  );
}
