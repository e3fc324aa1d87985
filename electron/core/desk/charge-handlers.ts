import {
  allChargeLogEntries,
  type ChargeLogFilter,
  chargeLogPage,
  type LogKind,
  readSetting,
} from '../ledger/index.ts';
import { storeTimeZone } from '../schedule/index.ts';
import { capMessage } from '../staff/index.ts';
import { type ApiContext, actorOf, defined, operatorOf, withoutApproval } from './api-context.ts';
import { chargesCsv } from './charges-csv.ts';
import { dashboard } from './dashboard.ts';
import type { DeskApi } from './desk-api.ts';
import { reviewQueueWithMembers } from './review-queue.ts';
import { STORE_DETAILS } from './settings.ts';

/** Charges, refunds, the needs-review queue, and what the home screen, receipts and exports read. */
export function chargeHandlers(ctx: ApiContext) {
  const { deps, desk, billing, authorizeAmount, authorizeRefund, capExceeded } = ctx;
  return {
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
      const page = chargeLogPage(desk().ledger.db, logFilter(filter), defined({ limit, before }));
      return { entries: [...page.entries], next: page.next };
    },
    async refund(request, session) {
      await authorizeRefund(session, request);
      return billing().refunds.refund({
        ...withoutApproval(request),
        ...actorOf(session),
        operatorId: operatorOf(session).id,
      });
    },
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
        store: readSetting(desk().ledger.db, STORE_DETAILS),
        member: { name: member.name, memberNo: member.memberNo },
        charge,
        refunds: billing().refunds.listForCharge(chargeId),
      };
    },
    exportCharges(filter) {
      return {
        fileName: 'charges.csv',
        csv: chargesCsv(
          allChargeLogEntries(desk().ledger.db, logFilter(filter)),
          storeTimeZone(desk().ledger.db),
        ),
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
