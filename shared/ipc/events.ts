import { z } from 'zod';
import { chargeStatusSchema, runSummaryView } from './views.ts';

/*
 * What main pushes to the renderer without being asked. Like responses, events are parsed with
 * their schema before they leave main and carry no keys or card data.
 */
export const events = {
  /** A schedule run started or finished (started: summary null). */
  runProgress: z.object({
    phase: z.enum(['started', 'finished']),
    summary: runSummaryView.nullable(),
  }),
  /** A charge reached an outcome that staff should see (scheduled runs, reconciliation). */
  chargeResult: z.object({
    chargeId: z.int().positive(),
    memberName: z.string(),
    amount: z.int().min(0),
    status: chargeStatusSchema,
    tossMessage: z.string().nullable(),
  }),
  /** Something waits for a person: the catch-up queue, the needs-review queue. */
  attention: z.object({
    catchUps: z.int().min(0),
    needsReview: z.int().min(0),
  }),
  /** The signed-in operator changed (sign-in, sign-out, lock) or training mode switched. */
  statusChanged: z.object({}),
} as const;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventOf<E extends EventName> = z.output<Events[E]>;

export const EVENT_NAMES = Object.keys(events) as EventName[];

export function ipcEventChannel(name: EventName): string {
  return `autopay-event:${name}`;
}
