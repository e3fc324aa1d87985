import type { ConsentMethodData } from '../../../shared/ipc/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { CONSENT_METHODS, methodLabel } from './consent-labels.ts';

/** How the member asked to cancel, or null when the store cancels on its own. */
export type MemberRequest = ConsentMethodData | null;

/** Beside the cancel buttons: a cancel the member asked for is recorded as their withdrawal. */
export function WithdrawalChoice({
  value,
  onChange,
}: {
  value: MemberRequest;
  onChange: (value: MemberRequest) => void;
}) {
  const { t } = useI18n();
  return (
    <div className="field inline-field">
      <label htmlFor="withdrawal-method">{t('consent.withdrawal')}</label>
      <select
        id="withdrawal-method"
        value={value ?? ''}
        onChange={(event) =>
          onChange(event.target.value === '' ? null : (event.target.value as ConsentMethodData))
        }
      >
        <option value="">—</option>
        {CONSENT_METHODS.filter((method) => method !== 'signature').map((method) => (
          <option key={method} value={method}>
            {t(methodLabel(method))}
          </option>
        ))}
      </select>
    </div>
  );
}
