import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createGroupCommit } from '../../electron/core/billing/group-commit.ts';
import { tempLedgers } from '../ledger/temp-ledger.ts';

const temp = tempLedgers();
const connections: Database.Database[] = [];
afterEach(() => {
  for (const db of connections.splice(0)) db.close();
});

/**
 * Plain WAL connections to one file (a ledger's writer lock would refuse the second): the writer
 * with a scratch table, a reader that sees only what is committed, and a flush the test runs.
 */
async function setUp({ gatherMs = 0 } = {}) {
  const file = path.join(await temp.dir(), 'scratch.sqlite');
  const connect = () => {
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('busy_timeout = 0');
    connections.push(db);
    return db;
  };
  const db = connect();
  db.exec('CREATE TABLE scratch (v TEXT NOT NULL UNIQUE) STRICT');
  const reader = connect();
  const flushes: (() => void)[] = [];
  // The lazy writes' timers, and a clock the test moves.
  const timers: { ms: number; check: () => void }[] = [];
  const clock = { now: 0 };
  const group = createGroupCommit(db, {
    soon: (flush) => flushes.push(flush),
    after: (ms, check) => timers.push({ ms, check }),
    now: () => clock.now,
    quietMs: 2,
    gatherMs,
    maxWaitMs: 50,
  });
  const insert = (v: string) => () =>
    Number(db.prepare('INSERT INTO scratch (v) VALUES (?)').run(v).lastInsertRowid);
  const seen = () => reader.prepare('SELECT v FROM scratch ORDER BY v').pluck().all();
  return { db, group, flushes, timers, clock, insert, seen, connect };
}

describe('group commit', () => {
  it('commits the writes of one turn in one transaction, and settles each only after the commit', async () => {
    const { group, flushes, insert, seen } = await setUp();
    const settled: string[] = [];
    const writes = ['a', 'b', 'c'].map((v) =>
      group.run(insert(v)).then((id) => {
        settled.push(v);
        return id;
      }),
    );
    expect(flushes).toHaveLength(1);
    await Promise.resolve();
    expect(settled).toEqual([]);
    expect(seen()).toEqual([]);

    flushes[0]?.();
    expect(seen()).toEqual(['a', 'b', 'c']);
    expect(await Promise.all(writes)).toEqual([1, 2, 3]);
    expect(settled).toEqual(['a', 'b', 'c']);

    // The next turn's writes get a flush of their own.
    const later = group.run(insert('d'));
    expect(flushes).toHaveLength(2);
    flushes[1]?.();
    expect(await later).toBe(4);
  });

  it('a lazy write rides on the next commit a run causes, or commits on its own once writes stop coming', async () => {
    const { group, flushes, timers, clock, insert, seen } = await setUp();
    const outcome = group.runLazily(insert('a'));
    expect(flushes).toHaveLength(0);
    expect(timers).toHaveLength(1);
    const attempt = group.run(insert('b'));
    expect(flushes).toHaveLength(1);
    flushes[0]?.();
    expect(seen()).toEqual(['a', 'b']);
    expect(await Promise.all([outcome, attempt])).toEqual([1, 2]);
    // The wait that run ended finds nothing to do.
    timers[0]?.check();
    expect(timers).toHaveLength(1);

    // Lazy writes 1 ms apart keep the commit waiting, until one comes 2 ms after the last.
    const lazies = [group.runLazily(insert('c'))];
    for (let ms = 1; ms <= 3; ms++) {
      clock.now = ms;
      lazies.push(group.runLazily(insert(`d${ms}`)));
    }
    expect(timers).toHaveLength(2);
    clock.now = 4;
    timers[1]?.check();
    expect(timers).toHaveLength(3);
    expect(timers[2]?.ms).toBe(1);
    expect(seen()).toEqual(['a', 'b']);
    clock.now = 5;
    timers[2]?.check();
    expect(seen()).toEqual(['a', 'b', 'c', 'd1', 'd2', 'd3']);
    expect(await Promise.all(lazies)).toEqual([3, 4, 5, 6]);

    // A steady stream of them still commits maxWaitMs after the first.
    const stream = [group.runLazily(insert('e0'))];
    const first = clock.now;
    for (let i = 1; clock.now - first < 50; i++) {
      clock.now += 1;
      stream.push(group.runLazily(insert(`e${i}`)));
      timers.at(-1)?.check();
    }
    expect(await Promise.all(stream)).toHaveLength(51);
  });

  it('a pause commits lazy writes only once the first of them has gathered for gatherMs', async () => {
    const { group, timers, clock, insert, seen } = await setUp({ gatherMs: 10 });
    // A burst of answers, then quiet: the first look is gatherMs after the first write, not quietMs.
    const lazies = [group.runLazily(insert('a')), group.runLazily(insert('b'))];
    expect(timers.map((timer) => timer.ms)).toEqual([10]);
    // The next burst comes before then.
    clock.now = 9;
    lazies.push(group.runLazily(insert('c')));
    clock.now = 10;
    timers[0]?.check();
    // Gathered long enough, but not quiet yet: it looks again once quietMs have passed since 'c'.
    expect(seen()).toEqual([]);
    expect(timers.map((timer) => timer.ms)).toEqual([10, 1]);
    clock.now = 11;
    timers[1]?.check();
    expect(seen()).toEqual(['a', 'b', 'c']);
    expect(await Promise.all(lazies)).toEqual([1, 2, 3]);

    // Quiet from the start: it still gathers for gatherMs before it commits.
    const alone = group.runLazily(insert('d'));
    expect(timers[2]?.ms).toBe(10);
    clock.now = 21;
    timers[2]?.check();
    expect(seen()).toEqual(['a', 'b', 'c', 'd']);
    expect(await alone).toBe(4);
  });

  it('a write for the next pause ends the gathering: the group commits at the first pause', async () => {
    const { group, timers, clock, insert, seen } = await setUp({ gatherMs: 10 });
    const outcome = group.runLazily(insert('outcome'));
    clock.now = 1;
    const ahead = group.runAtPause(insert('ahead'));
    // A look at the next pause (quietMs after 'ahead') supersedes the gathered group's.
    expect(timers.map((timer) => timer.ms)).toEqual([10, 2]);
    timers[0]?.check();
    expect(timers).toHaveLength(2);
    clock.now = 3;
    timers[1]?.check();
    expect(seen()).toEqual(['ahead', 'outcome']);
    expect(await Promise.all([outcome, ahead])).toEqual([1, 2]);

    // Alone, such a write commits at the first pause too.
    const alone = group.runAtPause(insert('alone'));
    expect(timers[2]?.ms).toBe(2);
    clock.now = 5;
    timers[2]?.check();
    expect(await alone).toBe(3);

    // Near maxWaitMs, the next pause is not waited for past it.
    const stream = [group.runLazily(insert('s0'))];
    const first = clock.now;
    for (let i = 1; clock.now - first < 49; i++) {
      clock.now += 1;
      stream.push(group.runLazily(insert(`s${i}`)));
    }
    stream.push(group.runAtPause(insert('late')));
    expect(timers.at(-1)?.ms).toBe(1);
    clock.now = first + 50;
    timers.at(-1)?.check();
    expect(await Promise.all(stream)).toHaveLength(51);
  });

  it('rolls a failing write back alone: the others of its group still commit', async () => {
    const { group, flushes, insert, seen, db } = await setUp();
    const first = group.run(insert('a'));
    const failing = group.run(() => {
      insert('b')();
      insert('a')(); // UNIQUE: the whole write, 'b' included, is rolled back
    });
    const last = group.run(insert('c'));
    flushes[0]?.();
    await expect(failing).rejects.toThrow(/UNIQUE/);
    expect(await first).toBe(1);
    // A rowid table without AUTOINCREMENT takes max(rowid) + 1: 'b''s rowid went with its rollback.
    expect(await last).toBe(2);
    expect(seen()).toEqual(['a', 'c']);
    expect(db.inTransaction).toBe(false);
  });

  it('rejects every write of the group, and commits none, while another connection holds the write lock', async () => {
    const { group, flushes, insert, seen, connect } = await setUp();
    // A reader cannot block a WAL commit, but another connection's write transaction can.
    const blocker = connect();
    blocker.exec('BEGIN IMMEDIATE');
    const writes = [group.run(insert('a')), group.run(insert('b'))];
    flushes[0]?.();
    for (const write of writes) await expect(write).rejects.toThrow(/busy|locked/i);
    blocker.exec('ROLLBACK');
    expect(seen()).toEqual([]);
  });
});
