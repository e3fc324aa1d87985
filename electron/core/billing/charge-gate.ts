import type { Role } from '../../../shared/ipc/index.ts';

/** A manager's PIN typed on the spot. */
export interface Approval {
  readonly operatorId: number;
  readonly pin: string;
}

/** A cap the owner set that a charge would break, with the cashier's message. */
export interface CapCheck {
  readonly kind: 'per_charge' | 'daily';
  readonly cap: number;
  readonly used: number;
  readonly message: string;
}

export interface Approver {
  readonly id: number;
  readonly name: string;
  readonly role: Role;
}

/**
 * The store's staff rules a charge passes through (design.md invariants 9 and 10), implemented
 * by the staff module (operators, caps and PINs) and handed to the billing core, so every caller
 * (the app, the CLI) meets the same caps and approvals.
 */
export interface ChargeGate {
  /**
   * Synchronous, so it runs in the transaction that inserts the attempt: two charges at once by
   * one operator cannot pass the daily cap together.
   */
  capExceeded(operatorId: number, amount: number): CapCheck | null;
  /**
   * Checks the approver's PIN (wrong PINs count toward their lock) and that they may approve
   * this: another operator (unless `selfAllowed`), manager or owner, of a role at least the
   * requester's, with caps that cover the amount. Throws the staff module's refusals.
   */
  verifyApprover(
    approval: Approval,
    request: { readonly operatorId: number; readonly amount: number; readonly selfAllowed: boolean },
  ): Promise<Approver>;
}
