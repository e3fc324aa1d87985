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
async function setUp() {
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
  const group = createGroupCommit(db, (flush) => flushes.push(flush));
  const insert = (v: string) => () =>
    Number(db.prepare('INSERT INTO scratch (v) VALUES (?)').run(v).lastInsertRowid);
  const seen = () => reader.prepare('SELECT v FROM scratch ORDER BY v').pluck().all();
  return { db, group, flushes, insert, seen, connect };
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
    expect(await last).toBeGreaterThan(1);
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
