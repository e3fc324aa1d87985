import { useState } from 'react';
import type { PlanViewData } from '../../shared/ipc/index.ts';
import { call } from '../bridge.ts';
import { ActionsHeader } from '../components/ActionsHeader.tsx';
import { ErrorAlert } from '../components/Alert.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { PlanForm } from './PlanForm.tsx';
import { usePeriodLabel } from './use-period-label.ts';

export function Plans({ plans, onChanged }: { plans: readonly PlanViewData[]; onChanged: () => void }) {
  const { t, won } = useI18n();
  const periodLabel = usePeriodLabel();
  const [adding, setAdding] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  async function archive(id: number) {
    const result = await call('archivePlan', { id });
    if (!result.ok) return setFailure(result.error.message);
    setFailure(null);
    onChanged();
  }

  return (
    <div className="panel">
      <div className="panel-title">
        <h2>{t('plans.title')}</h2>
        {!adding && (
          <button type="button" onClick={() => setAdding(true)}>
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
                <td>
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
    </div>
  );
}
