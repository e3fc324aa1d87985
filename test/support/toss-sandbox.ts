import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { createTossClient, type TossClient, type TossClientOptions } from '../../electron/core/toss/index.ts';
import { type RunningSandbox, type SandboxOptions, startSandbox } from '../../electron/sandbox/index.ts';

export interface SandboxFixture {
  readonly url: string;
  readonly secretKey: string;
  client(overrides?: Partial<TossClientOptions>): TossClient;
  control(method: 'GET' | 'POST', path: string, body?: unknown): Promise<unknown>;
}

/**
 * Starts one emulator for the file and gives each test a fresh merchant key, so tests share no
 * data; clients made here are closed after each test.
 */
export function sandboxPerFile(options: SandboxOptions = {}): SandboxFixture {
  let sandbox: RunningSandbox | undefined;
  let secretKey = '';
  const clients: TossClient[] = [];
  beforeAll(async () => {
    sandbox = await startSandbox(options);
  });
  afterAll(async () => {
    await sandbox?.close();
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.close()));
    await fixture.control('POST', '/__sandbox/reset');
  });
  const fixture: SandboxFixture = {
    get url() {
      if (!sandbox) throw new Error('sandbox not started');
      return sandbox.url;
    },
    get secretKey() {
      return secretKey;
    },
    client(overrides = {}) {
      secretKey = secretKey || `test_sk_${randomUUID().replaceAll('-', '')}`;
      const key = secretKey;
      const client = createTossClient({ baseUrl: fixture.url, getSecretKey: () => key, ...overrides });
      clients.push(client);
      return client;
    },
    async control(method, path, body) {
      const response = await fetch(`${fixture.url}${path}`, {
        method,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? null : JSON.stringify(body),
      });
      if (!response.ok) throw new Error(`sandbox control ${path} answered ${response.status}`);
      const text = await response.text();
      return text ? JSON.parse(text) : undefined;
    },
  };
  afterEach(() => {
    secretKey = '';
  });
  return fixture;
}
