import type Database from 'better-sqlite3';

const prepared = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/**
 * `db.prepare(sql)`, compiled once per connection. Compiling costs more than running most of the
 * small statements a charge makes (the charge_attempts insert compiles its triggers and indexes
 * too), and a due run makes thousands of charges. SQLite recompiles a statement by itself when
 * the schema changes under it.
 */
export function statement(db: Database.Database, sql: string): Database.Statement {
  let cache = prepared.get(db);
  if (!cache) {
    cache = new Map();
    prepared.set(db, cache);
  }
  let compiled = cache.get(sql);
  if (!compiled) {
    compiled = db.prepare(sql);
    cache.set(sql, compiled);
  }
  return compiled;
}
