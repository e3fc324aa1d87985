import { randomBytes as cryptoRandomBytes } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createFaultList } from './faults.ts';
import { createIdempotencyCache } from './idempotency.ts';
import { createMerchantDirectory, type MerchantConfig } from './merchants.ts';
import { createIdFactory, type RandomBytes } from './random-ids.ts';
import { createRateLimiter } from './rate-limit.ts';
import { createRequestHandler } from './request-handler.ts';
import { claimId, createStore } from './store.ts';
import { DEFAULT_SWITCHES, type SandboxSwitches } from './switches.ts';

export type { FaultKind, FaultSpec, FaultView } from './faults.ts';
export type { MerchantConfig, TaxType } from './merchants.ts';
export type { FailedChargeLookup, SandboxSwitches, TransactionDateMode } from './switches.ts';
export { TEST_ENVIRONMENT_RATE_PER_MINUTE } from './switches.ts';
export type { IdentityKind, TestCard } from './test-cards.ts';
export { findTestCard, TEST_CARDS } from './test-cards.ts';

export interface SandboxOptions {
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 0: any free port. */
  port?: number;
  /** The clock behind every timestamp and the 15-day idempotency window. */
  now?: () => Date;
  /** Keyed by secret key. Unlisted test_sk_ keys are TAXABLE merchants with a billing contract. */
  merchants?: Record<string, MerchantConfig>;
  /** Receives warnings, e.g. an Idempotency-Key reused with a different body. Default: dropped. */
  log?: (line: string) => void;
  /** The source of every generated identifier. Default: node:crypto randomBytes. */
  randomBytes?: RandomBytes;
  /** Behaviour toss-api.md leaves open; POST /__sandbox/switches changes them while running. */
  switches?: Partial<SandboxSwitches>;
}

export interface RunningSandbox {
  /** e.g. 'http://127.0.0.1:53412' */
  url: string;
  close(): Promise<void>;
}

/** Starts the Toss API emulator (toss-api.md §17) on its own HTTP server. */
export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const host = options.host ?? '127.0.0.1';
  const now = options.now ?? (() => new Date());
  const randomBytes = options.randomBytes ?? ((size: number) => cryptoRandomBytes(size));
  const store = createStore();
  const closing = new AbortController();
  // Every delayed request listens on this signal; many at once are expected, not a leak.
  setMaxListeners(0, closing.signal);
  const initialSwitches: SandboxSwitches = { ...DEFAULT_SWITCHES, ...options.switches };
  const handler = createRequestHandler({
    store,
    ids: createIdFactory(randomBytes, (id) => claimId(store, id)),
    faults: createFaultList(),
    idempotency: createIdempotencyCache(now),
    switches: { ...initialSwitches },
    initialSwitches,
    rateLimiter: createRateLimiter(now),
    findMerchant: createMerchantDirectory(options.merchants ?? {}),
    now,
    log: options.log ?? (() => {}),
    closing: closing.signal,
  });

  const server = createServer(handler);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const urlHost = host.includes(':') ? `[${host}]` : host;

  return {
    url: `http://${urlHost}:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        closing.abort();
        server.close((error) => (error ? reject(error) : resolve()));
        // Keep-alive sockets would otherwise hold close() open until they time out.
        server.closeAllConnections();
      }),
  };
}
