import { appendAudit, type JsonObject } from '../audit/index.ts';
import { type Actor, tossClientKeyStatus } from '../billing/index.ts';
import { storeTimeZone } from '../schedule/index.ts';
import type { Operator } from '../staff/index.ts';
import type { DeskApiDeps, Session } from './desk-api-types.ts';

/** What the handler groups share: the open desk, the deps, and the checks every group makes alike. */
export type ApiContext = ReturnType<typeof createApiContext>;

/** Money-moving calls carry the signed-in operator (invariant 9); main has already required one. */
export function operatorOf(session: Session): Operator {
  if (!session.operator) throw new Error('a protected channel ran without a signed-in operator');
  return session.operator;
}

export function actorOf(session: Session): Required<Actor> & { operatorId: number } {
  const operator = operatorOf(session);
  return { actor: operator.name, operatorId: operator.id };
}

/** Drops keys whose value is undefined: the core's optional inputs mean "absent", not "undefined". */
export function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

export function createApiContext(deps: DeskApiDeps) {
  const { host } = deps;
  const desk = () => host.desk();
  const billing = () => host.desk().billing();
  const statusChanged = () => deps.onStatusChanged?.();
  /** Settings changes are audited like money movements (invariant 8), in the open folder's ledger. */
  const auditSetting = (session: Session, action: string, details: JsonObject) =>
    appendAudit(desk().ledger.db, { ...actorOf(session), action, subject: 'settings', details }, deps.now);

  function auditBrokenAt(): number | null {
    const status = desk().audit.status();
    return status.ok ? null : status.brokenAt;
  }

  const secretKeyMode = async () => (await desk().secrets.tossSecretKeyStatus()).mode;
  async function appStatus(session: Session) {
    const keyStatus = await desk().secrets.tossSecretKeyStatus();
    return {
      version: deps.version,
      keyStatus,
      clientKeyStatus: tossClientKeyStatus(desk().ledger.db, keyStatus.mode),
      training: host.training(),
      operator: session.operator,
      needsOwner: desk().operators.needsOwner(),
      launchAtLogin: deps.launchAtLogin.get(),
      idleLockMinutes: desk().settings.idleLockMinutes(),
      keyInEnabled: desk().settings.keyInEnabled(),
      timeZone: storeTimeZone(desk().ledger.db),
      auditBrokenAt: auditBrokenAt(),
    };
  }

  return {
    deps,
    host,
    desk,
    billing,
    statusChanged,
    auditSetting,
    secretKeyMode,
    appStatus,
  };
}
