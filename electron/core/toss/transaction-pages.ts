import type { GetOptions, TossClient } from './client.ts';
import type { Transaction } from './schemas.ts';

const KST_OFFSET_MS = 9 * 60 * 60 * 1000;

/**
 * An instant as GET /v1/transactions takes it: the KST wall time, `yyyy-MM-ddTHH:mm:ss`, with no
 * offset (toss-api.md §3.8). Toss appears to read any offset as if it were absent (issue 17
 * item 10), so a UTC time sent with `Z` would shift the window by nine hours: never send one.
 */
export function kstQueryDateTime(instant: Date): string {
  // KST has no daylight saving: a fixed offset is exact.
  return new Date(instant.getTime() + KST_OFFSET_MS).toISOString().slice(0, 19);
}

export interface TransactionRange {
  readonly from: Date;
  readonly to: Date;
  /** Records per request, 1–5000; default 1000. */
  readonly pageSize?: number;
}

/**
 * Every transaction whose transactionAt lies in [from, to] (whole seconds, KST), oldest first,
 * following the `startingAfter` cursor until a page comes back short.
 */
export async function listTransactionsInRange(
  toss: Pick<TossClient, 'listTransactions'>,
  range: TransactionRange,
  options: GetOptions = {},
): Promise<Transaction[]> {
  const limit = range.pageSize ?? 1000;
  const base = { startDate: kstQueryDateTime(range.from), endDate: kstQueryDateTime(range.to), limit };
  const all: Transaction[] = [];
  let after: string | undefined;
  for (;;) {
    const page = await toss.listTransactions(
      after === undefined ? base : { ...base, startingAfter: after },
      options,
    );
    all.push(...page);
    const last = page.at(-1);
    if (page.length < limit || last === undefined) return all;
    after = last.transactionKey;
  }
}
