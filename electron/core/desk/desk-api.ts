import type { z } from 'zod';
import type { ChannelName, Contract } from '../../../shared/ipc/index.ts';
import { appendAudit, auditEntries, auditPage, type JsonObject, verifyAudit } from '../audit/index.ts';
import {
  type Actor,
  BillingError,
  clearTossClientKey,
  type OpenRegistrationWindow,
  registerCardByWindow,
  setTossClientKey,
  tossClientKeyStatus,
} from '../billing/index.ts';
import { allChargeLogEntries, chargeLogPage, readSetting, writeSetting } from '../ledger/index.ts';
import { DEFAULT_TIME_ZONE, upcoming as upcomingCharges } from '../schedule/index.ts';
import { capMessage, chargeCapExceeded, type Operator, StaffError } from '../staff/index.ts';
import { auditCsv } from './audit-csv.ts';
import { backupNow, listBackups } from './backups.ts';
import { chargesCsv } from './charges-csv.ts';
import { dashboard } from './dashboard.ts';
import type { DeskHost } from './desk-host.ts';
import { IDLE_LOCK_MINUTES, KEY_IN_ENABLED, STORE_DETAILS } from './settings.ts';

/** Who is calling: main keeps one per window; sign-in and sign-out change it. */
export interface Session {
  operator: Operator | null;
  /** The last call made while signed in: main signs the operator out after the idle time. */
  lastActiveAt?: number;
}

/** A channel's work, after main has checked the sender, parsed the request and checked the role. */
export type Handler<C extends ChannelName> = (
  request: z.output<Contract[C]['request']>,
  session: Session,
) => Promise<z.input<Contract[C]['response']>> | z.input<Contract[C]['response']>;

export type DeskApi = { readonly [C in ChannelName]: Handler<C> };

export interface DeskApiDeps {
  readonly host: DeskHost;
  readonly version: string;
  readonly now: () => Date;
  /** Whether the app starts with the computer: the OS keeps this, so the shell reads and sets it. */
  readonly launchAtLogin: { get(): boolean; set(enabled: boolean): void };
  /**
   * Opens Toss's card registration window (the shell's BrowserWindow in the app, the emulator's
   * stand-in page in tests) and resolves with how it ended.
   */
  readonly openRegistrationWindow: OpenRegistrationWindow;
  /** Told after sign-in, sign-out and training switches, so the shell can push statusChanged. */
  readonly onStatusChanged?: () => void;
}

/** Money-moving calls carry the signed-in operator (invariant 9); main has already required one. */
function operatorOf(session: Session): Operator {
  if (!session.operator) throw new Error('a protected channel ran without a signed-in operator');
  return session.operator;
}

function actorOf(session: Session): Required<Actor> {
  const operator = operatorOf(session);
  return { actor: operator.name, operatorId: operator.id };
}

/** The charge as the billing core takes it: the approver's PIN goes no further than the check. */
function withoutApproval<T extends { approval?: unknown }>(request: T): Omit<T, 'approval'> {
  const { approval: _approval, ...rest } = request;
  return defined(rest);
}

/** Drops keys whose value is undefined: the core's optional inputs mean "absent", not "undefined". */
function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/**
 * The handlers of every contract channel over the core services. Plain Node: main registers them
 * behind its sender and role checks, and the renderer tests call them through a loopback bridge.
 */
export function createDeskApi(deps: DeskApiDeps): DeskApi {
  const { host } = deps;
  const desk = () => host.desk();
  const billing = () => host.desk().billing();
  const statusChanged = () => deps.onStatusChanged?.();
  /** Settings changes are audited like money movements (invariant 8), in the open folder's ledger. */
  const auditSetting = (session: Session, action: string, details: JsonObject) =>
    appendAudit(desk().ledger.db, { ...actorOf(session), action, subject: 'settings', details }, deps.now);

  /**
   * Lets a charge over the signed-in operator's cap through only with a manager's PIN, audited
   * with both names (invariant 9: the limit is checked here in main, not in the screen). A
   * request id seen before is the same click again: it gets its first answer, not a new check.
   */
  async function authorizeAmount(
    session: Session,
    charge: {
      amount: number;
      requestId?: string | undefined;
      approval?: { operatorId: number; pin: string } | undefined;
    },
  ): Promise<void> {
    const operator = operatorOf(session);
    if (charge.requestId !== undefined && billing().charges.findByRequestId(charge.requestId)) return;
    const over = capExceeded(session, charge.amount);
    if (!over) return;
    if (!charge.approval) throw new StaffError('APPROVAL_REQUIRED', capMessage(over));
    const approver = await desk().operators.approve(charge.approval);
    appendAudit(
      desk().ledger.db,
      {
        actor: approver.name,
        operatorId: approver.id,
        action: 'charge.limit_approved',
        subject: `operator:${operator.id}`,
        details: {
          amount: charge.amount,
          cap: over.cap,
          kind: over.kind,
          requestId: charge.requestId ?? null,
        },
      },
      deps.now,
    );
  }

  function capExceeded(session: Session, amount: number) {
    return chargeCapExceeded(desk().ledger.db, operatorOf(session).id, amount, deps.now(), DEFAULT_TIME_ZONE);
  }

  const secretKeyMode = async () => (await desk().secrets.tossSecretKeyStatus()).mode;
  // One window at a time: a second would open for the same counter while the first waits for a card.
  let windowOpen = false;

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
      idleLockMinutes: readSetting(desk().ledger.db, IDLE_LOCK_MINUTES),
      keyInEnabled: readSetting(desk().ledger.db, KEY_IN_ENABLED),
      timeZone: DEFAULT_TIME_ZONE,
    };
  }

  return {
    getAppStatus: (_request, session) => appStatus(session),
    listOperators: () => desk().operators.list(),
    async createOwner(request, session) {
      session.operator = await desk().operators.createOwner(request);
      statusChanged();
      return session.operator;
    },
    async signIn(request, session) {
      session.operator = await desk().operators.signIn(request);
      statusChanged();
      return session.operator;
    },
    signOut(_request, session) {
      session.operator = null;
      statusChanged();
      return { done: true as const };
    },

    async setSecretKey({ secretKey }, session) {
      await desk().secrets.setTossSecretKey(secretKey);
      await desk().secretChanged();
      const status = await desk().secrets.tossSecretKeyStatus();
      auditSetting(session, 'settings.toss_secret_key_set', { mode: status.mode });
      return status;
    },
    async clearSecretKey(_request, session) {
      await desk().secrets.clearTossSecretKey();
      await desk().secretChanged();
      auditSetting(session, 'settings.toss_secret_key_cleared', {});
      return desk().secrets.tossSecretKeyStatus();
    },
    async setClientKey({ clientKey }, session) {
      return setTossClientKey(
        desk().ledger.db,
        { clientKey, secretKeyMode: await secretKeyMode(), ...actorOf(session) },
        deps.now,
      );
    },
    async clearClientKey(_request, session) {
      return clearTossClientKey(
        desk().ledger.db,
        { secretKeyMode: await secretKeyMode(), ...actorOf(session) },
        deps.now,
      );
    },
    async setTrainingMode({ enabled }, session) {
      if (enabled !== host.training()) auditSetting(session, 'settings.training_mode', { enabled });
      await host.setTraining(enabled);
      // Operators live in each folder's ledger: the one signed in here is not one over there.
      session.operator = null;
      statusChanged();
      return appStatus(session);
    },

    setIdleLock({ minutes }, session) {
      const db = desk().ledger.db;
      db.transaction(() => {
        writeSetting(db, IDLE_LOCK_MINUTES, minutes, deps.now());
        auditSetting(session, 'settings.idle_lock_minutes', { minutes });
      })();
      return appStatus(session);
    },
    listStaff: () => desk().operators.staff(),
    createOperator: (request, session) => desk().operators.create(defined(request), operatorOf(session)),
    updateOperator: (request, session) => desk().operators.update(defined(request), operatorOf(session)),
    resetOperatorPin: (request, session) => desk().operators.resetPin(request, operatorOf(session)),
    listAudit({ limit, before, ...filter }) {
      return auditPage(desk().ledger.db, defined(filter), defined({ limit, before }));
    },
    exportAudit(filter) {
      return { fileName: 'audit-log.csv', csv: auditCsv(auditEntries(desk().ledger.db, defined(filter))) };
    },
    checkAudit() {
      const result = verifyAudit(desk().ledger.db);
      return result.ok
        ? { ok: true, count: result.count, brokenAt: null, message: '변조 없음' }
        : { ok: false, count: null, brokenAt: result.brokenAt, message: result.message };
    },
    setKeyIn({ enabled }, session) {
      const db = desk().ledger.db;
      db.transaction(() => {
        writeSetting(db, KEY_IN_ENABLED, enabled, deps.now());
        auditSetting(session, 'settings.key_in_enabled', { enabled });
      })();
      return appStatus(session);
    },
    setLaunchAtLogin({ enabled }, session) {
      deps.launchAtLogin.set(enabled);
      auditSetting(session, 'settings.launch_at_login', { enabled });
      return appStatus(session);
    },

    searchMembers: (request) => billing().members.search(defined(request)),
    getMember({ id }) {
      const member = billing().members.show(id);
      return {
        ...member,
        cards: [...member.cards],
        subscriptions: desk().subscriptions.list({ memberId: id }),
        recentCharges: [...chargeLogPage(desk().ledger.db, { memberId: id }, { limit: 50 }).entries],
      };
    },
    createMember: (request, session) =>
      billing().members.create({ ...defined(request), ...actorOf(session) }),
    editMember: (request, session) => billing().members.edit({ ...defined(request), ...actorOf(session) }),
    archiveMember: ({ id }, session) => billing().members.archive({ id, ...actorOf(session) }),
    async registerCard({ memberId, card, firstCharge }, session) {
      if (!readSetting(desk().ledger.db, KEY_IN_ENABLED)) {
        throw new BillingError(
          'KEY_IN_DISABLED',
          '이 매장은 카드번호 직접 입력(키인) 계약이 없어 토스 카드 등록 창으로만 카드를 등록할 수 있습니다.',
        );
      }
      if (firstCharge) await authorizeAmount(session, firstCharge);
      const registration = await billing().cards.register({
        memberId,
        card: {
          number: card.cardNumber,
          expiry: { month: card.expiryMonth, year: card.expiryYear },
          identity: card.identity,
          password: card.password,
        },
        firstCharge: firstCharge && withoutApproval(firstCharge),
        ...actorOf(session),
      });
      return registration;
    },
    async registerCardByWindow({ memberId, firstCharge }, session) {
      if (windowOpen) {
        throw new BillingError('BUSY', '카드 등록 창이 이미 열려 있습니다. 그 창을 먼저 마치거나 닫으세요.');
      }
      if (firstCharge) await authorizeAmount(session, firstCharge);
      windowOpen = true;
      try {
        const outcome = await registerCardByWindow(
          {
            db: desk().ledger.db,
            cards: billing().cards,
            secretKeyMode: await secretKeyMode(),
            openWindow: deps.openRegistrationWindow,
          },
          { memberId, firstCharge: firstCharge && withoutApproval(firstCharge), ...actorOf(session) },
        );
        return outcome.kind === 'registered'
          ? { kind: 'registered' as const, registration: outcome.registration }
          : { kind: 'canceled' as const, registration: null };
      } finally {
        windowOpen = false;
      }
    },
    removeCard: ({ memberId }, session) => billing().cards.remove({ memberId, ...actorOf(session) }),

    async charge(request, session) {
      await authorizeAmount(session, request);
      return billing().charges.charge({ ...withoutApproval(request), ...actorOf(session) });
    },
    async checkChargeApproval({ amount, approval }, session) {
      const over = capExceeded(session, amount);
      if (!over) return { approvalRequired: false, message: null };
      if (!approval) return { approvalRequired: true, message: capMessage(over) };
      await desk().operators.approve(approval);
      return { approvalRequired: false, message: null };
    },
    getCharge({ id }) {
      return { charge: billing().charges.get(id), refunds: billing().refunds.listForCharge(id) };
    },
    listCharges({ limit, before, ...filter }) {
      const page = chargeLogPage(desk().ledger.db, defined(filter), defined({ limit, before }));
      return { entries: [...page.entries], next: page.next };
    },
    refund: (request, session) =>
      billing().refunds.refund({
        ...defined(request),
        ...actorOf(session),
        operatorId: operatorOf(session).id,
      }),
    async reconcile() {
      const report = await billing().reconciler.reconcile();
      return { ...report, resolved: [...report.resolved], needsReview: [...report.needsReview] };
    },
    listNeedsReview: () => billing().reconciler.needsReview(),
    resolveCharge: (request, session) => billing().review.resolveCharge({ ...request, ...actorOf(session) }),
    resolveRefund: (request, session) => billing().review.resolveRefund({ ...request, ...actorOf(session) }),

    listPlans: () => desk().plans.list(),
    createPlan: (request, session) => desk().plans.create({ ...defined(request), ...actorOf(session) }),
    archivePlan: ({ id }, session) => desk().plans.archive({ id, ...actorOf(session) }),
    listSubscriptions: (request) => desk().subscriptions.list(defined(request)),
    subscribe: (request, session) =>
      desk().subscriptions.create({ ...defined(request), ...actorOf(session) }),
    changeSubscriptionPrice: (request, session) =>
      desk().subscriptions.changePrice({ ...defined(request), ...actorOf(session) }),
    pauseSubscription: ({ id }, session) => desk().subscriptions.pause({ id, ...actorOf(session) }),
    resumeSubscription: ({ id }, session) => desk().subscriptions.resume({ id, ...actorOf(session) }),
    cancelSubscription: ({ id, atPeriodEnd }, session) =>
      atPeriodEnd
        ? desk().subscriptions.cancelAtPeriodEnd({ id, ...actorOf(session) })
        : desk().subscriptions.cancel({ id, ...actorOf(session) }),
    upcoming: ({ days }) => upcomingCharges(desk().ledger, defined({ now: deps.now(), days })),
    runDueNow: () => desk().runDue(),
    listCatchUps: () => desk().catchUp.list(),
    approveCatchUp: ({ periodId }, session) => desk().catchUp.approve({ periodId, ...actorOf(session) }),
    skipCatchUp: (request, session) => desk().catchUp.skip({ ...request, ...actorOf(session) }),

    getDashboard: () => dashboard(desk(), deps.now(), DEFAULT_TIME_ZONE),
    getReceipt({ chargeId }) {
      const charge = billing().charges.get(chargeId);
      const member = billing().members.show(charge.memberId);
      return {
        store: readSetting(desk().ledger.db, STORE_DETAILS),
        member: { name: member.name, memberNo: member.memberNo },
        charge,
        refunds: billing().refunds.listForCharge(chargeId),
      };
    },
    exportCharges(filter) {
      return {
        fileName: 'charges.csv',
        csv: chargesCsv(allChargeLogEntries(desk().ledger.db, defined(filter))),
      };
    },
    getStoreDetails: () => readSetting(desk().ledger.db, STORE_DETAILS),
    setStoreDetails(details, session) {
      const db = desk().ledger.db;
      const trimmed = {
        name: details.name.trim(),
        businessNumber: details.businessNumber,
        address: details.address.trim(),
        phone: details.phone.trim(),
      };
      db.transaction(() => {
        writeSetting(db, STORE_DETAILS, trimmed, deps.now());
        auditSetting(session, 'settings.store_details', trimmed);
      })();
      return trimmed;
    },
    backupNow: () => backupNow(desk().ledger, desk().dataDir, deps.now),
    listBackups: () => listBackups(desk().dataDir),
  };
}
