import type Database from 'better-sqlite3';
import { statement } from './statement.ts';

export interface MemberLabel {
  readonly memberNo: string;
  readonly name: string;
}

/** Names and numbers of the given members in one query: lists show a person, not a row id. */
export function memberLabels(db: Database.Database, ids: Iterable<number>): Map<number, MemberLabel> {
  const unique = [...new Set(ids)];
  const labels = new Map<number, MemberLabel>();
  if (unique.length === 0) return labels;
  const rows = statement(
    db,
    `SELECT id, member_no AS memberNo, name FROM members WHERE id IN (SELECT value FROM json_each(?))`,
  ).all(JSON.stringify(unique)) as { id: number; memberNo: string; name: string }[];
  for (const row of rows) labels.set(row.id, { memberNo: row.memberNo, name: row.name });
  return labels;
}
