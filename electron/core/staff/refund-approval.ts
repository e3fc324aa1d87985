import type { Role } from './operators.ts';

/**
 * Money going back is a manager's call: staff may start a refund at the counter, but it goes
 * through only with a manager's or the owner's PIN typed on the spot (like a charge over a cap).
 * The message for a staff operator without one; null when the role may refund alone.
 */
export function refundApprovalMessage(role: Role): string | null {
  return role === 'staff'
    ? '직원은 혼자 환불할 수 없습니다. 매니저나 대표가 이 자리에서 PIN으로 승인하면 환불합니다.'
    : null;
}
