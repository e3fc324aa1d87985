import { describe, expect, it } from 'vitest';
import { createDispatch, type DeskApi, type Session } from '../../electron/core/desk/index.ts';
import { createLogger } from '../../electron/core/log/index.ts';

const MINUTE = 60_000;

/** Only the channel this test calls; the dispatch checks role, payload and answer as for any. */
const api = { listPlans: () => [] } as unknown as DeskApi;

/** A dispatch with a 5-minute idle lock on a clock the test moves, and a signed-in session. */
function signedIn() {
  const clock = { now: Date.UTC(2026, 10, 29, 1, 0, 0) };
  const now = () => new Date(clock.now);
  const dispatch = createDispatch(api, createLogger({ sink: () => undefined, now, level: 'error' }), {
    now,
    idleLockMs: () => 5 * MINUTE,
  });
  const session: Session = { operator: { id: 7, name: '직원', role: 'staff' } };
  return { clock, dispatch, session };
}

describe("main's idle lock", () => {
  it("counts only calls a person made, not the screen's refreshes after events", async () => {
    const { clock, dispatch, session } = signedIn();

    expect(await dispatch('listPlans', {}, session)).toEqual({ ok: true, value: [] });
    clock.now += 4 * MINUTE;
    // A run finished: the home screen reloads on its own.
    expect(await dispatch('listPlans', {}, session, { background: true })).toEqual({ ok: true, value: [] });
    clock.now += 2 * MINUTE;
    expect(await dispatch('listPlans', {}, session, { background: true })).toMatchObject({
      ok: false,
      error: { code: 'SIGN_IN_REQUIRED' },
    });
    expect(session.operator).toBeNull();
  });

  it('a person’s call keeps the session, whatever came in between', async () => {
    const { clock, dispatch, session } = signedIn();
    await dispatch('listPlans', {}, session);
    clock.now += 4 * MINUTE;
    await dispatch('listPlans', {}, session);
    clock.now += 4 * MINUTE;
    expect(await dispatch('listPlans', {}, session)).toEqual({ ok: true, value: [] });
  });
});
