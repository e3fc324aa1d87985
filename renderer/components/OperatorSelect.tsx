import type { OperatorView } from '../../shared/ipc/index.ts';
import { useI18n } from '../i18n/i18n.tsx';

/** Who is at the counter (or who approves): each operator with their role, as they sign in. */
export function OperatorSelect({
  id,
  label,
  operators,
  value,
  onChange,
}: {
  id: string;
  label: string;
  operators: readonly OperatorView[];
  value: number | null;
  onChange: (operatorId: number) => void;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value ?? ''} onChange={(event) => onChange(Number(event.target.value))}>
        <OperatorOptions operators={operators} />
      </select>
    </div>
  );
}

/** Each operator as an option; the role beside the name tells a manager's account from a staff one. */
export function OperatorOptions({ operators }: { operators: readonly OperatorView[] }) {
  const { t } = useI18n();
  return operators.map((operator) => (
    <option key={operator.id} value={operator.id}>
      {operator.name} ({t(`role.${operator.role}`)})
    </option>
  ));
}
