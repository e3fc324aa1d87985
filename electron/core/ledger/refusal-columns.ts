/** What Toss answered when it did not approve a charge or a refund, or when the answer is not known. */
export interface TossRefusal {
  readonly status: string;
  readonly code: string;
  readonly message: string;
  /** Toss's X-TossPayments-Trace-Id of the answer this was learned from, for its support. */
  readonly traceId?: string | null;
}

/** An outcome is written onto a row only while it waits for one: outcomes are final. */
export const UNRESOLVED_ROW = "WHERE id = @id AND status IN ('PENDING', 'UNKNOWN')";

/** The columns a refusal sets, from the parameters refusalColumns gives. */
export const REFUSAL_SET = `status = @status, toss_code = @code, toss_message = @message,
           toss_trace_id = coalesce(@traceId, toss_trace_id), resolved_at = @resolvedAt, updated_at = @at`;

/**
 * The parameters of a refusal's UPDATE, the same for an attempt and a refund: an UNKNOWN outcome
 * is not resolved yet, every other refusal is final; a trace id missing from the answer keeps
 * the one the row has.
 */
export function refusalColumns(id: number, refusal: TossRefusal, at: number) {
  return {
    id,
    at,
    status: refusal.status,
    code: refusal.code,
    message: refusal.message,
    traceId: refusal.traceId ?? null,
    resolvedAt: refusal.status === 'UNKNOWN' ? null : at,
  };
}
