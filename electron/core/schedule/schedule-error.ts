import type { FieldProblem } from '../billing/index.ts';

/** Stable codes of ScheduleError: callers branch on these, people read the Korean message. */
export type ScheduleErrorCode =
  /** checkSchedule refused the schedule; `fields` says which field and why. */
  | 'INVALID_SCHEDULE'
  /** A period index, date or range argument that no caller should pass (a bug, not user input). */
  | 'INVALID_ARGUMENT'
  /** The period would fall after 9999-12-31, past what a 'YYYY-MM-DD' column can hold. */
  | 'PERIOD_OUT_OF_RANGE';

export class ScheduleError extends Error {
  override readonly name = 'ScheduleError';
  readonly code: ScheduleErrorCode;
  readonly fields: Readonly<Record<string, FieldProblem>> | undefined;

  constructor(code: ScheduleErrorCode, message: string, fields?: Readonly<Record<string, FieldProblem>>) {
    super(message);
    this.code = code;
    this.fields = fields;
  }
}
