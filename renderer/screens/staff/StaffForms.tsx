import { type FormEvent, useState } from 'react';
import type { Role, StaffMemberView } from '../../../shared/ipc/index.ts';
import { DEFAULT_STAFF_PER_CHARGE_CAP } from '../../../shared/staff/index.ts';
import { call } from '../../bridge.ts';
import { ErrorAlert } from '../../components/Alert.tsx';
import { CheckField } from '../../components/CheckField.tsx';
import { FormActions } from '../../components/FormActions.tsx';
import { PinField } from '../../components/PinField.tsx';
import { checkNewPin } from '../../components/pin-check.ts';
import { TextField } from '../../components/TextField.tsx';
import { useFocusOnMount } from '../../components/use-focus-on-mount.ts';
import { amountText, amountTextProblem, formatAmountText } from '../../format.ts';
import { type MessageKey, useI18n } from '../../i18n/i18n.tsx';

const ROLES: readonly Role[] = ['staff', 'manager', 'owner'];

/** Caps as typed: digit strings, '' for "no cap". */
interface Caps {
  readonly perChargeCap: string;
  readonly dailyCap: string;
}

type Problems = Partial<Record<'name' | 'pin' | 'pinAgain' | 'perChargeCap' | 'dailyCap', MessageKey>>;

const DEFAULT_STAFF_CAP = String(DEFAULT_STAFF_PER_CHARGE_CAP);

const capOf = (digits: string) => (digits === '' ? null : Number(digits));
const capDigits = (cap: number | null) => (cap === null ? '' : String(cap));

/** Main refuses the same; checked here so the message sits next to the field. */
function checkCaps(caps: Caps): Problems {
  // A negative or fractional cap is refused with its reason, never read as another number.
  const typed: Problems = {};
  const perChargeTyped = amountTextProblem(caps.perChargeCap);
  const dailyTyped = amountTextProblem(caps.dailyCap);
  if (perChargeTyped) typed.perChargeCap = perChargeTyped;
  if (dailyTyped) typed.dailyCap = dailyTyped;
  if (perChargeTyped || dailyTyped) return typed;
  const perCharge = capOf(caps.perChargeCap);
  const daily = capOf(caps.dailyCap);
  return perCharge !== null && daily !== null && perCharge > daily ? { perChargeCap: 'staff.capOrder' } : {};
}

/** Focuses the first field with a problem; true when there was one. */
function focusFirst(prefix: string, problems: Problems): boolean {
  const first = Object.keys(problems)[0];
  if (first) document.getElementById(`${prefix}-${first}`)?.focus();
  return first !== undefined;
}

/** Sends once; main's refusal (a taken name, a cap out of order) is shown above the buttons. */
function useSubmit() {
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function run(send: () => Promise<{ ok: boolean; error?: { message: string } }>, onDone: () => void) {
    setBusy(true);
    const result = await send();
    setBusy(false);
    if (result.ok) onDone();
    else setFailure(result.error?.message ?? null);
  }
  return { failure, busy, run };
}

function RoleField({ id, value, onChange }: { id: string; value: Role; onChange: (role: Role) => void }) {
  const { t } = useI18n();
  return (
    <div className="field">
      <label htmlFor={id}>{t('staff.role')}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value as Role)}>
        {ROLES.map((role) => (
          <option key={role} value={role}>
            {t(`role.${role}`)}
          </option>
        ))}
      </select>
    </div>
  );
}

function CapFields({
  prefix,
  caps,
  onChange,
  problems,
}: {
  prefix: string;
  caps: Caps;
  onChange: (caps: Caps) => void;
  problems: Problems;
}) {
  const { t } = useI18n();
  const field = (name: keyof Caps, label: MessageKey) => (
    <TextField
      id={`${prefix}-${name}`}
      label={t(label)}
      hint={t('staff.capHint')}
      inputMode="numeric"
      autoComplete="off"
      className="field-amount"
      value={formatAmountText(caps[name])}
      onChange={(event) => onChange({ ...caps, [name]: amountText(event.target.value) })}
      error={problems[name] ? t(problems[name]) : undefined}
    />
  );
  return (
    <div className="field-row">
      {field('perChargeCap', 'staff.perChargeCap')}
      {field('dailyCap', 'staff.dailyCap')}
    </div>
  );
}

function PinFields({
  prefix,
  pin,
  pinAgain,
  onPin,
  onPinAgain,
  problems,
}: {
  prefix: string;
  pin: string;
  pinAgain: string;
  onPin: (pin: string) => void;
  onPinAgain: (pin: string) => void;
  problems: Problems;
}) {
  const { t } = useI18n();
  return (
    <div className="field-row">
      <PinField
        id={`${prefix}-pin`}
        label={t('setup.pin')}
        autoComplete="new-password"
        value={pin}
        onValue={onPin}
        error={problems.pin && t(problems.pin)}
      />
      <PinField
        id={`${prefix}-pinAgain`}
        label={t('setup.pinAgain')}
        autoComplete="new-password"
        value={pinAgain}
        onValue={onPinAgain}
        error={problems.pinAgain && t(problems.pinAgain)}
      />
    </div>
  );
}

/** Main's answer is shown in the form, so it stays open until that answer came. */
function StaffFormActions({
  submit,
  busy,
  onCancel,
}: {
  submit: string;
  busy: boolean;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  return (
    <FormActions
      submitLabel={submit}
      cancelLabel={t('staff.cancel')}
      busy={busy}
      cancelDisabled={busy}
      onCancel={onCancel}
    />
  );
}

type Done = (message: string) => void;

interface OperatorFormProps {
  readonly operator: StaffMemberView;
  readonly onDone: Done;
  readonly onCancel: () => void;
}

export function AddOperatorForm({ onDone, onCancel }: { onDone: Done; onCancel: () => void }) {
  const { t } = useI18n();
  const nameRef = useFocusOnMount<HTMLInputElement>();
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('staff');
  const [pin, setPin] = useState('');
  const [pinAgain, setPinAgain] = useState('');
  // New staff start with the store's default per-charge cap, shown here so the owner can change it.
  const [caps, setCaps] = useState<Caps>({ perChargeCap: DEFAULT_STAFF_CAP, dailyCap: '' });
  const [problems, setProblems] = useState<Problems>({});
  const { failure, busy, run } = useSubmit();

  function chooseRole(next: Role) {
    setRole(next);
    // The default is for staff: a manager or owner approves others and starts without a cap.
    setCaps((current) => {
      if (next !== 'staff' && current.perChargeCap === DEFAULT_STAFF_CAP)
        return { ...current, perChargeCap: '' };
      if (next === 'staff' && current.perChargeCap === '')
        return { ...current, perChargeCap: DEFAULT_STAFF_CAP };
      return current;
    });
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const found: Problems = {
      ...(name.trim() === '' ? { name: 'setup.nameRequired' } : {}),
      ...checkNewPin(pin, pinAgain),
      ...checkCaps(caps),
    };
    setProblems(found);
    if (focusFirst('staff-add', found)) return;
    const request = {
      name: name.trim(),
      role,
      pin,
      perChargeCap: capOf(caps.perChargeCap),
      dailyCap: capOf(caps.dailyCap),
    };
    void run(
      () => call('createOperator', request),
      () => onDone(t('staff.added', { name: request.name })),
    );
  }

  return (
    <form className="panel" onSubmit={submit} noValidate aria-labelledby="staff-add-title">
      <h2 id="staff-add-title">{t('staff.addTitle')}</h2>
      <div className="field-row">
        <TextField
          id="staff-add-name"
          ref={nameRef}
          label={t('staff.name')}
          maxLength={50}
          autoComplete="off"
          value={name}
          onChange={(event) => setName(event.target.value)}
          error={problems.name && t(problems.name)}
        />
        <RoleField id="staff-add-role" value={role} onChange={chooseRole} />
      </div>
      <PinFields
        prefix="staff-add"
        pin={pin}
        pinAgain={pinAgain}
        onPin={setPin}
        onPinAgain={setPinAgain}
        problems={problems}
      />
      <CapFields prefix="staff-add" caps={caps} onChange={setCaps} problems={problems} />
      {failure && <ErrorAlert>{failure}</ErrorAlert>}
      <StaffFormActions submit={t('staff.addSubmit')} busy={busy} onCancel={onCancel} />
    </form>
  );
}

export function EditOperatorForm({ operator, onDone, onCancel }: OperatorFormProps) {
  const { t } = useI18n();
  const titleRef = useFocusOnMount<HTMLHeadingElement>();
  const [role, setRole] = useState<Role>(operator.role);
  const [active, setActive] = useState(operator.active);
  const [caps, setCaps] = useState<Caps>({
    perChargeCap: capDigits(operator.perChargeCap),
    dailyCap: capDigits(operator.dailyCap),
  });
  const [problems, setProblems] = useState<Problems>({});
  const { failure, busy, run } = useSubmit();

  function submit(event: FormEvent) {
    event.preventDefault();
    const found = checkCaps(caps);
    setProblems(found);
    if (focusFirst('staff-edit', found)) return;
    const request = {
      id: operator.id,
      role,
      active,
      perChargeCap: capOf(caps.perChargeCap),
      dailyCap: capOf(caps.dailyCap),
    };
    void run(
      () => call('updateOperator', request),
      () => onDone(t('staff.updated', { name: operator.name })),
    );
  }

  return (
    <form className="panel" onSubmit={submit} noValidate aria-labelledby="staff-edit-title">
      <h2 id="staff-edit-title" ref={titleRef} tabIndex={-1}>
        {t('staff.editTitle', { name: operator.name })}
      </h2>
      <RoleField id="staff-edit-role" value={role} onChange={setRole} />
      <CapFields prefix="staff-edit" caps={caps} onChange={setCaps} problems={problems} />
      <CheckField
        id="staff-edit-active"
        label={t('staff.activeLabel')}
        checked={active}
        onChange={setActive}
      />
      {failure && <ErrorAlert>{failure}</ErrorAlert>}
      <StaffFormActions submit={t('staff.save')} busy={busy} onCancel={onCancel} />
    </form>
  );
}

/** A new PIN set by the owner; it also lifts a lock left by wrong PINs. */
export function ResetPinForm({ operator, onDone, onCancel }: OperatorFormProps) {
  const { t } = useI18n();
  const titleRef = useFocusOnMount<HTMLHeadingElement>();
  const [pin, setPin] = useState('');
  const [pinAgain, setPinAgain] = useState('');
  const [problems, setProblems] = useState<Problems>({});
  const { failure, busy, run } = useSubmit();

  function submit(event: FormEvent) {
    event.preventDefault();
    const found = checkNewPin(pin, pinAgain);
    setProblems(found);
    if (focusFirst('staff-pin', found)) return;
    void run(
      () => call('resetOperatorPin', { id: operator.id, pin }),
      () => onDone(t('staff.pinReset', { name: operator.name })),
    );
  }

  return (
    <form className="panel" onSubmit={submit} noValidate aria-labelledby="staff-pin-title">
      <h2 id="staff-pin-title" ref={titleRef} tabIndex={-1}>
        {t('staff.resetTitle', { name: operator.name })}
      </h2>
      <p className="muted">{t('staff.resetIntro')}</p>
      <PinFields
        prefix="staff-pin"
        pin={pin}
        pinAgain={pinAgain}
        onPin={setPin}
        onPinAgain={setPinAgain}
        problems={problems}
      />
      {failure && <ErrorAlert>{failure}</ErrorAlert>}
      <StaffFormActions submit={t('staff.resetSubmit')} busy={busy} onCancel={onCancel} />
    </form>
  );
}
