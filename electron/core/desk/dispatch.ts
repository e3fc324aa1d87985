import {
  type Access,
  type ChannelName,
  contract,
  IPC_ERROR_CODES,
  type IpcResult,
} from '../../../shared/ipc/index.ts';
import { ROLE_NAME_KO, roleAtLeast } from '../../../shared/rules/index.ts';
import type { Logger } from '../log/index.ts';
import type { Role } from '../staff/index.ts';
import type { DeskApi, Session } from './desk-api-types.ts';
import { INTERNAL_ERROR_MESSAGE, toIpcError } from './ipc-error.ts';

export type Dispatch = (
  channel: ChannelName,
  payload: unknown,
  session: Session,
  /** background: the screen refreshing itself after an event; it does not count as a person's activity. */
  options?: { readonly background?: boolean },
) => Promise<IpcResult<unknown>>;

/** Whether `role` may call a channel open to `access`. */
function mayCall(access: Access, role: Role | null): boolean {
  if (access === 'public') return true;
  return role !== null && roleAtLeast(role, access);
}

/**
 * Everything main does with a call after the sender check, in this order: the payload is parsed
 * with the channel's schema (nothing runs on a malformed one), the signed-in operator's role is
 * checked, the handler runs, and its answer is parsed with the response schema before it leaves,
 * so nothing the contract does not name reaches the renderer. Errors come back as data.
 */
export function createDispatch(api: DeskApi, log: Logger, idle?: IdleLock): Dispatch {
  const ipcLog = log.child({ module: 'ipc' });
  return async (channel, payload, session, options) => {
    if (idle) {
      try {
        lockIfIdle(session, idle, options?.background === true);
      } catch (error) {
        ipcLog.error('idle check failed', { channel, error });
        return failure(IPC_ERROR_CODES.internal, INTERNAL_ERROR_MESSAGE);
      }
    }
    const spec = contract[channel];
    if (!Object.hasOwn(contract, channel)) {
      return failure(IPC_ERROR_CODES.invalidRequest, '알 수 없는 요청입니다.');
    }
    const parsed = spec.request.safeParse(payload);
    if (!parsed.success) {
      return {
        ok: false,
        error: {
          code: IPC_ERROR_CODES.invalidRequest,
          message: invalidRequestMessage(parsed.error.issues),
          // Paths and codes only: the values may be card data.
          details: { issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), code: i.code })) },
        },
      };
    }
    const role = session.operator?.role ?? null;
    if (!mayCall(spec.access, role)) {
      return role === null
        ? failure(IPC_ERROR_CODES.signInRequired, '먼저 PIN으로 로그인해 주세요.')
        : failure(
            IPC_ERROR_CODES.forbidden,
            `이 작업은 ${whoMay(spec.access as Role)} 할 수 있습니다. 권한이 있는 직원이 로그인해 주세요.`,
          );
    }
    let value: unknown;
    try {
      value = await (api[channel] as (request: unknown, session: Session) => unknown)(parsed.data, session);
    } catch (error) {
      const mapped = toIpcError(error);
      if (!mapped.expected) ipcLog.error('channel failed', { channel, error });
      return { ok: false, error: mapped.error };
    }
    const checked = spec.response.safeParse(value);
    if (!checked.success) {
      ipcLog.error('response broke the contract', {
        channel,
        issues: checked.error.issues.map((i) => `${i.path.join('.')}:${i.code}`),
      });
      return failure(IPC_ERROR_CODES.internal, INTERNAL_ERROR_MESSAGE);
    }
    return { ok: true, value: checked.data };
  };
}

/** The counter PC is shared: a session left alone signs itself out, whatever the screen shows. */
export interface IdleLock {
  readonly now: () => Date;
  /** 0: never. Read on every call, so a changed setting applies at once. */
  readonly idleLockMs: () => number;
}

/**
 * Signs the operator out once the idle time has passed since the last call a person made. The
 * screen's own refreshes after events (background) are checked but never count as activity, so a
 * counter left on the home screen still locks while runs and reconciliations update it.
 */
function lockIfIdle(session: Session, idle: IdleLock, background: boolean): void {
  const at = idle.now().getTime();
  const limit = idle.idleLockMs();
  if (
    session.operator &&
    limit > 0 &&
    session.lastActiveAt !== undefined &&
    at - session.lastActiveAt > limit
  ) {
    session.operator = null;
  }
  if (!background || session.lastActiveAt === undefined) session.lastActiveAt = at;
}

// Money fields of the contract: a negative or fractional won is a person's typing, not a broken screen.
const AMOUNT_FIELDS = new Set(['amount', 'taxFreeAmount', 'perChargeCap', 'dailyCap']);

/** Says what is wrong with an amount (−5000, 5.5) rather than asking to reload the screen. */
function invalidRequestMessage(issues: readonly { path: readonly PropertyKey[] }[]): string {
  return issues.some((issue) => AMOUNT_FIELDS.has(String(issue.path.at(-1))))
    ? '금액은 0 이상의 정수(원 단위)로 입력해 주세요. 음수나 소수점은 쓸 수 없습니다.'
    : '요청 형식이 올바르지 않습니다. 화면을 새로 고친 뒤 다시 시도해 주세요.';
}

function failure(code: string, message: string): IpcResult<never> {
  return { ok: false, error: { code, message } };
}

/** "대표만" (no role is above the owner), else "매니저 이상만". */
function whoMay(role: Role): string {
  return role === 'owner' ? `${ROLE_NAME_KO.owner}만` : `${ROLE_NAME_KO[role]} 이상만`;
}
