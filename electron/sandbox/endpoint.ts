import type { Merchant } from './merchants.ts';
import type { Outcome } from './outcome.ts';
import type { IdFactory } from './random-ids.ts';
import type { SandboxStore } from './store.ts';
import type { TransactionDateSwitch } from './transaction-dates.ts';

/** One authenticated Toss API call, as an endpoint sees it. */
export interface ApiRequest {
  readonly merchant: Merchant;
  /** Path parameters, percent-decoded. */
  readonly params: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  readonly body: Buffer;
  readonly now: Date;
}

export interface EndpointDeps {
  readonly store: SandboxStore;
  readonly ids: IdFactory;
  /** How /v1/transactions reads a date with an offset; absent means 'wall-time'. */
  readonly transactionDates?: TransactionDateSwitch;
}

/** Endpoints are synchronous: a request is all-or-nothing, and the pipeline owns every wait. */
export type Endpoint = (request: ApiRequest) => Outcome;
