import {
  allChargeLogEntries,
  type ChargeLogFilter,
  chargeLogPage,
  type LogKind,
  readSetting,
  reviewQueueWithMembers,
  taxFreeTreatment,
} from '../ledger/index.ts';
import { storeTimeZone } from '../schedule/index.ts';
import { type ApiContext, actorOf, defined, operatorOf } from './api-context.ts';
import { chargesCsv, chargesFileName } from './charges-csv.ts';
import { dashboard } from './dashboard.ts';
import type { DeskApi } from './desk-api-types.ts';
import { STORE_DETAILS } from './settings.ts';

/** Charges, refunds, the needs-review queue, and what the home screen, receipts and exports read. */
export function chargeHandlers(ctx: ApiContext) {
  const { deps, desk, billing } = ctx;
  return {
    charge: (request, session) => billing().charges.charge({ ...defined(request), ...actorOf(session) }),
    async checkChargeApproval({ amount, approval }, session) {
      // Asked before a card is registered: the member has no charges yet, so only the caps count.
      const { cap } = billing().charges.approvalNeed({ operatorId: operatorOf(session).id, amount });
      if (!cap) return { approvalRequired: false, message: null };
      if (!approval) return { approvalRequired: true, message: cap.message };
      await billing().charges.approve({ operatorId: operatorOf(session).id, amount, approval });
      return { approvalRequired: false, message: null };
    },
    getCharge({ id }) {
      const charge = billing().charges.get(id);
      const member = billing().members.show(charge.memberId);
      return {
        charge,
        refunds: billing().refunds.listForCharge(id),
        member: { name: member.name, memberNo: member.memberNo },
      };
    },
    listCharges({ limit, before, ...filter }) {
      const page = chargeLogPage(desk().ledger.db, logFilter(filter), defined({ limit, before }));
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
    listNeedsReview: () => reviewQueueWithMembers(desk().ledger.db, billing().reconciler.needsReview()),
    resolveCharge: (request, session) => billing().review.resolveCharge({ ...request, ...actorOf(session) }),
    resolveRefund: (request, session) => billing().review.resolveRefund({ ...request, ...actorOf(session) }),
    getDashboard: () => dashboard(desk(), deps.now(), storeTimeZone(desk().ledger.db)),
    getReceipt({ chargeId }) {
      const charge = billing().charges.get(chargeId);
      const member = billing().members.show(charge.memberId);
      return {
        store: desk().settings.storeDetails(),
        member: { name: member.name, memberNo: member.memberNo },
        charge,
        refunds: billing().refunds.listForCharge(chargeId),
      };
    },
    getTaxFreeTreatment: () => ({ treatment: taxFreeTreatment(desk().ledger.db) }),
    exportCharges(filter) {
      const db = desk().ledger.db;
      const timeZone = storeTimeZone(db);
      const entries = allChargeLogEntries(db, logFilter(filter));
      const scope = {
        ...filter,
        storeName: readSetting(db, STORE_DETAILS).name,
        memberName: filter.memberId === undefined ? undefined : billing().members.show(filter.memberId).name,
      };
      return {
        fileName: chargesFileName(scope, entries, timeZone, deps.now()),
        csv: chargesCsv(entries, timeZone),
      };
    },
  } satisfies Partial<DeskApi>;
}

/** The screen picks one kind or all of them; the ledger takes a set. */
function logFilter({
  kind,
  ...rest
}: Omit<ChargeLogFilter, 'kinds'> & { kind?: LogKind | undefined }): ChargeLogFilter {
  return defined({ ...rest, kinds: kind && [kind] });
}
