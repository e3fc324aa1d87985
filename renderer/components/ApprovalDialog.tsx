import { type FormEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import type { IpcResult, OperatorView } from '../../shared/ipc/index.ts';
import { call } from '../bridge.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { ErrorAlert } from './Alert.tsx';
import { OperatorSelect } from './OperatorSelect.tsx';
import { PinField } from './PinField.tsx';

export interface Approval {
  readonly operatorId: number;
  readonly pin: string;
}

/** Sends the request that asked for approval again, same requestId, now with the approver's PIN. */
type Resend = (approval: Approval) => Promise<IpcResult<unknown> | null>;

interface Pending {
  readonly message: string;
  readonly resend: Resend;
}

/** Refusals of the approver, not of the request: they are answered in the dialog, which stays open. */
const APPROVER_REFUSALS: ReadonlySet<string> = new Set([
  'WRONG_PIN',
  'APPROVER_NOT_MANAGER',
  'APPROVER_SAME_OPERATOR',
  'APPROVER_RANK_TOO_LOW',
  'APPROVER_CAP_TOO_LOW',
  'OPERATOR_LOCKED',
  'OPERATOR_NOT_FOUND',
]);

/**
 * Refusals a manager's PIN on the spot can lift: over the operator's cap, and a charge for a member
 * whose earlier charge is still unresolved (the core says which; the dialog shows its message).
 */
const NEEDS_APPROVAL: ReadonlySet<string> = new Set(['APPROVAL_REQUIRED', 'UNRESOLVED_CHARGE']);

function approverRefusal(result: IpcResult<unknown> | null): string | null {
  return result && !result.ok && APPROVER_REFUSALS.has(result.error.code) ? result.error.message : null;
}

/**
 * Manager approval on the spot for charges over the operator's cap (main decides when). A screen
 * passes every answer through `handled`; when it says true, the dialog has taken over.
 */
export function useApproval({
  onCancel,
  submitLabel,
}: {
  onCancel?: () => void;
  /** What approving does ("승인하고 결제" unless said otherwise, e.g. "승인하고 환불"). */
  submitLabel?: string;
} = {}) {
  const [pending, setPending] = useState<Pending | null>(null);

  function handled(result: IpcResult<unknown>, resend: Resend, approval?: Approval): boolean {
    if (!result.ok && NEEDS_APPROVAL.has(result.error.code)) {
      setPending({ message: result.error.message, resend });
      return true;
    }
    if (approval && approverRefusal(result)) return true;
    setPending(null);
    return false;
  }

  /**
   * Asks before anything is sent (main said the amount needs approval): `resend` runs with the
   * approver's PIN, and the dialog closes unless the approver is refused.
   */
  function ask(message: string, resend: Resend): void {
    setPending({
      message,
      resend: async (approval) => {
        const result = await resend(approval);
        if (!approverRefusal(result)) setPending(null);
        return result;
      },
    });
  }

  const dialog: ReactNode = pending && (
    <ApprovalDialog
      pending={pending}
      submitLabel={submitLabel}
      onCancel={() => {
        setPending(null);
        onCancel?.();
      }}
    />
  );
  return { handled, ask, dialog };
}

function ApprovalDialog({
  pending,
  submitLabel,
  onCancel,
}: {
  pending: Pending;
  submitLabel: string | undefined;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const pinRef = useRef<HTMLInputElement>(null);
  const [approvers, setApprovers] = useState<readonly OperatorView[]>([]);
  const [approverId, setApproverId] = useState<number | null>(null);
  const [pin, setPin] = useState('');
  const [pinError, setPinError] = useState<string | undefined>();
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    dialogRef.current?.showModal();
    void call('listOperators', {}).then((result) => {
      if (!result.ok) return setFailure(result.error.message);
      const found = result.value.filter((operator) => operator.role !== 'staff');
      setApprovers(found);
      setApproverId(found[0]?.id ?? null);
      pinRef.current?.focus();
    });
  }, []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (approverId === null || busy) return;
    if (pin === '') {
      setPinError(t('signIn.pinRequired'));
      pinRef.current?.focus();
      return;
    }
    setBusy(true);
    const refusal = approverRefusal(await pending.resend({ operatorId: approverId, pin }));
    setBusy(false);
    // Accepted or refused for another reason: the screen shows the outcome and closes this.
    if (!refusal) return;
    setPin('');
    setPinError(refusal);
    pinRef.current?.focus();
  }

  return (
    <dialog
      ref={dialogRef}
      className="dialog"
      aria-labelledby="approval-title"
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) onCancel();
      }}
    >
      <form onSubmit={(event) => void submit(event)} noValidate aria-busy={busy}>
        <h2 id="approval-title">{t('approval.title')}</h2>
        <p className="approval-reason" data-testid="approval-reason">
          {pending.message}
        </p>
        {failure && <ErrorAlert>{failure}</ErrorAlert>}
        {approvers.length === 0 && !failure ? (
          <p className="muted">{t('approval.noApprovers')}</p>
        ) : (
          <OperatorSelect
            id="approval-operator"
            label={t('approval.approver')}
            operators={approvers}
            value={approverId}
            onChange={(id) => {
              setApproverId(id);
              setPinError(undefined);
            }}
          />
        )}
        <PinField
          id="approval-pin"
          ref={pinRef}
          label={t('approval.pin')}
          autoComplete="off"
          value={pin}
          onValue={setPin}
          error={pinError}
        />
        <div className="actions">
          <button type="submit" className="button-primary" disabled={busy || approverId === null}>
            {submitLabel ?? t('approval.submit')}
          </button>
          <button type="button" disabled={busy} onClick={onCancel}>
            {t('approval.cancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
