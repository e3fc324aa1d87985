/** charge_attempts.status; see design.md "A charge, step by step". */
export type ChargeStatus = 'PENDING' | 'DONE' | 'DECLINED' | 'FAILED' | 'UNKNOWN';

/** charge_attempts.kind: by hand, a period's due charge, a subscription's first charge, a dunning retry. */
export type ChargeKind = 'manual' | 'scheduled' | 'first' | 'retry';

export const CHARGE_KINDS: readonly ChargeKind[] = ['manual', 'scheduled', 'first', 'retry'];

/** A row of the charge log: one of the charge kinds, or a refund of a charge. */
export type LogKind = ChargeKind | 'refund';
