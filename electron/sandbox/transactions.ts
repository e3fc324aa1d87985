import type { Endpoint, EndpointDeps } from './endpoint.ts';
import { parseKstQueryDate } from './kst.ts';
import { failure, success } from './outcome.ts';

const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 5000;

/**
 * GET /v1/transactions (§3.8, §17.6): the merchant's approvals and cancels whose transactionAt lies
 * in [startDate, endDate] (KST wall times; switches.ts says how a date with an offset is read), oldest first, `limit` at a
 * time, after the `startingAfter` cursor.
 */
export function createTransactionsEndpoint(deps: EndpointDeps): Endpoint {
  return ({ merchant, query }) => {
    const offsets = deps.switches.transactionDates === 'strict' ? 'refuse' : 'ignore';
    const start = parseKstQueryDate(query.get('startDate') ?? '', offsets);
    const end = parseKstQueryDate(query.get('endDate') ?? '', offsets);
    if (start === undefined || end === undefined || start > end) return failure('INVALID_DATE');

    const limitText = query.get('limit');
    const limit = limitText === null ? DEFAULT_LIMIT : /^\d+$/.test(limitText) ? Number(limitText) : 0;
    if (limit < 1) return failure('INVALID_REQUEST');
    if (limit > MAX_LIMIT) return failure('EXCEED_MAX_QUERY_LIMIT');

    // Stable sort: an injected clock may step backwards, but the listing stays in time order.
    const own = deps.store.transactions
      .filter((record) => record.merchant === merchant)
      .sort((a, b) => a.at - b.at);
    const cursor = query.get('startingAfter');
    let from = 0;
    if (cursor !== null) {
      const index = own.findIndex((record) => record.transaction.transactionKey === cursor);
      if (index < 0) return failure('INVALID_TRANSACTION_KEY');
      from = index + 1;
    }
    const page = own
      .slice(from)
      .filter((record) => record.at >= start && record.at <= end)
      .slice(0, limit)
      .map((record) => record.transaction);
    return success(page);
  };
}
