import { randomBytes } from 'node:crypto';
import { afterEach } from 'vitest';
import {
  type BillingContext,
  type BillingDeps,
  type BillingServices,
  billingContext,
  createBillingServices,
} from '../../electron/core/billing/index.ts';
import type { Ledger } from '../../electron/core/ledger/index.ts';
import { createLogger } from '../../electron/core/log/index.ts';
import { createSealer } from '../../electron/core/secrets/index.ts';
import { createTossClient, type TossClient } from '../../electron/core/toss/index.ts';
import { tempLedgers } from '../ledger/temp-ledger.ts';

export interface OfflineDesk {
  ledger: Ledger;
  billing: BillingServices;
  ctx: BillingContext;
}

/**
 * Real ledger files and billing services for schedule tests that never call Toss, so the client
 * points nowhere; clients are closed after each test.
 */
export function offlineDesks(): (now: () => Date) => Promise<OfflineDesk> {
  const temp = tempLedgers();
  const clients: TossClient[] = [];
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.close()));
  });
  return async (now) => {
    const ledger = await temp.ledger();
    const toss = createTossClient({ baseUrl: 'http://127.0.0.1:9', getSecretKey: () => 'test_sk_unused' });
    clients.push(toss);
    const deps: BillingDeps = {
      ledger,
      sealer: createSealer(randomBytes(32)),
      toss,
      tossMode: 'test',
      now,
      log: createLogger({ sink: () => {}, now, level: 'warn' }),
      actor: 'test',
    };
    return { ledger, billing: createBillingServices(deps), ctx: billingContext(deps) };
  };
}
