import { ROLE_RANK } from '../../../shared/rules/index.ts';
import type { ChargeGate } from '../billing/index.ts';
import { type Ledger, operatorCaps } from '../ledger/index.ts';
import { storeTimeZone } from '../schedule/index.ts';
import { capMessage, chargeCapExceeded } from './charge-limits.ts';
import type { OperatorService } from './operators.ts';
import { StaffError } from './staff-error.ts';

/**
 * The owner's caps and the rules of an approval on the spot, for the billing core (it cannot
 * import staff, which imports it). Every way of opening a data folder hands this to billing.
 */
export function createChargeGate(ledger: Ledger, operators: OperatorService, now: () => Date): ChargeGate {
  const db = ledger.db;

  return {
    capExceeded(operatorId, amount) {
      const over = chargeCapExceeded(db, operatorId, amount, now(), storeTimeZone(db));
      return over && { ...over, message: capMessage(over) };
    },
    async verifyApprover(approval, request) {
      const approver = await operators.approve(approval);
      if (approver.id === request.operatorId && !request.selfAllowed) {
        throw new StaffError(
          'APPROVER_SAME_OPERATOR',
          '한도를 넘는 결제는 요청한 직원이 아닌 다른 매니저나 대표가 승인해야 합니다.',
        );
      }
      const requester = operatorCaps(db, request.operatorId);
      if (requester && ROLE_RANK[approver.role] < ROLE_RANK[requester.role]) {
        throw new StaffError(
          'APPROVER_RANK_TOO_LOW',
          '요청한 직원과 같거나 높은 역할의 직원만 승인할 수 있습니다.',
        );
      }
      const own = operatorCaps(db, approver.id);
      const limit = Math.min(
        own?.perChargeCap ?? Number.POSITIVE_INFINITY,
        own?.dailyCap ?? Number.POSITIVE_INFINITY,
      );
      if (request.amount > limit) {
        throw new StaffError(
          'APPROVER_CAP_TOO_LOW',
          '승인하는 직원의 결제 한도보다 큰 금액이라 승인할 수 없습니다.',
        );
      }
      return approver;
    },
  };
}
