import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createDispatch, type DeskApi } from '../../electron/core/desk/index.ts';
import { createLogger } from '../../electron/core/log/index.ts';
import { CHANNEL_NAMES, type ChannelName, contract } from '../../shared/ipc/index.ts';
import { deskPerTest } from '../desk/desk-fixture.ts';
import { sandboxPerFile } from '../support/toss-sandbox.ts';

const sandbox = sandboxPerFile();
const newDesk = deskPerTest(sandbox);
const RUNS_PER_CHANNEL = 1_000;

/**
 * Payloads that break the channel's request schema: anything at all, and objects made of the
 * channel's own field names (plus strangers) holding arbitrary values, which get much closer to
 * passing than random objects do.
 */
function malformed(channel: ChannelName): fc.Arbitrary<unknown> {
  const schema = contract[channel].request;
  const keys = Object.keys((schema as unknown as { shape: Record<string, unknown> }).shape);
  const value = fc.oneof(fc.anything(), fc.string(), fc.integer(), fc.double(), fc.constant(null));
  const nearMiss = fc.dictionary(fc.constantFrom(...keys, 'extra', '__proto__', 'constructor'), value, {
    minKeys: 1,
  });
  return fc
    .oneof(fc.anything({ withNullPrototype: true, withObjectString: true }), nearMiss)
    .filter((payload) => !schema.safeParse(payload).success);
}

describe('IPC payloads that break the contract', () => {
  it(`are refused with a typed error on every channel (${RUNS_PER_CHANNEL} each), running no handler and writing nothing`, async () => {
    const desk = await newDesk();
    const owner = desk.session();
    await desk.ok('createOwner', { name: '대표', pin: '135790' }, owner);
    const db = desk.host.desk().ledger.db;
    const changesBefore = db.prepare('SELECT total_changes()').pluck().get();

    const ran: string[] = [];
    const watched = Object.fromEntries(
      Object.entries(desk.api).map(([name, handler]) => [
        name,
        (...args: unknown[]) => {
          ran.push(name);
          return (handler as (...a: unknown[]) => unknown)(...args);
        },
      ]),
    ) as unknown as DeskApi;
    const dispatch = createDispatch(
      watched,
      createLogger({ sink: () => undefined, now: () => new Date(), level: 'error' }),
    );

    let refused = 0;
    for (const channel of CHANNEL_NAMES) {
      await fc.assert(
        fc.asyncProperty(malformed(channel), async (payload) => {
          const result = await dispatch(channel, payload, owner);
          expect(result.ok).toBe(false);
          if (!result.ok) expect(result.error.code).toBe('INVALID_REQUEST');
          refused++;
        }),
        { numRuns: RUNS_PER_CHANNEL },
      );
    }
    expect(refused).toBe(CHANNEL_NAMES.length * RUNS_PER_CHANNEL);
    expect(ran).toEqual([]);
    expect(db.prepare('SELECT total_changes()').pluck().get()).toBe(changesBefore);
    expect(owner.operator?.role).toBe('owner');
    // Grows with the contract: 1,000 payloads per channel take longer than the default 20 s.
  }, 120_000);
});
