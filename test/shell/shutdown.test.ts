import { app } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { installGracefulShutdown, type ShutdownStep } from '../../electron/shell/shutdown.ts';

vi.mock('electron', async () => {
  const { EventEmitter } = await import('node:events');
  return { app: Object.assign(new EventEmitter(), { exit: vi.fn() }) };
});

function deferred() {
  let resolve = () => {};
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

/** Emits 'before-quit' the way Electron does and reports whether the quit was held. */
function quit(): boolean {
  const event = { preventDefault: vi.fn() };
  app.emit('before-quit', event);
  return event.preventDefault.mock.calls.length > 0;
}

const log = { error: vi.fn() };

beforeEach(() => {
  app.removeAllListeners();
  vi.clearAllMocks();
});

describe('installGracefulShutdown', () => {
  it('does nothing until the app is asked to quit', () => {
    const run = vi.fn();
    installGracefulShutdown(app, [{ name: 'close ledger', run }], log);
    expect(run).not.toHaveBeenCalled();
    expect(app.exit).not.toHaveBeenCalled();
  });

  it('holds the quit, runs each step only after the previous one finished, then exits 0', async () => {
    const order: string[] = [];
    const runnerIdle = deferred();
    const steps: ShutdownStep[] = [
      { name: 'stop schedule loop', run: () => void order.push('stop schedule loop') },
      {
        name: 'stop runner',
        run: async () => {
          order.push('stop runner: start');
          await runnerIdle.promise;
          order.push('stop runner: done');
        },
      },
      { name: 'close toss client', run: async () => void order.push('close toss client') },
      { name: 'close ledger', run: () => void order.push('close ledger') },
    ];
    installGracefulShutdown(app, steps, log);

    expect(quit()).toBe(true);
    await vi.waitFor(() => expect(order).toContain('stop runner: start'));
    await new Promise((r) => setTimeout(r, 20));
    expect(order).toEqual(['stop schedule loop', 'stop runner: start']);
    expect(app.exit).not.toHaveBeenCalled();

    runnerIdle.resolve();
    await vi.waitFor(() => expect(app.exit).toHaveBeenCalled());
    expect(order).toEqual([
      'stop schedule loop',
      'stop runner: start',
      'stop runner: done',
      'close toss client',
      'close ledger',
    ]);
    expect(app.exit).toHaveBeenCalledExactlyOnceWith(0);
    expect(log.error).not.toHaveBeenCalled();
  });

  it('logs a failing step and still runs the rest', async () => {
    const ran: string[] = [];
    installGracefulShutdown(
      app,
      [
        {
          name: 'stop runner',
          run: () => {
            throw new Error('runner stuck');
          },
        },
        { name: 'close toss client', run: () => Promise.reject(new Error('socket hang up')) },
        { name: 'close ledger', run: () => void ran.push('close ledger') },
      ],
      log,
    );

    quit();
    await vi.waitFor(() => expect(app.exit).toHaveBeenCalled());
    expect(ran).toEqual(['close ledger']);
    expect(log.error.mock.calls).toEqual([
      ['shutdown step failed', { step: 'stop runner', error: 'runner stuck' }],
      ['shutdown step failed', { step: 'close toss client', error: 'socket hang up' }],
    ]);
    expect(app.exit).toHaveBeenCalledExactlyOnceWith(0);
  });

  it('holds every further quit while shutting down but runs the steps only once', async () => {
    const gate = deferred();
    const first = vi.fn(() => gate.promise);
    const last = vi.fn();
    installGracefulShutdown(
      app,
      [
        { name: 'stop runner', run: first },
        { name: 'close ledger', run: last },
      ],
      log,
    );

    expect(quit()).toBe(true);
    expect(quit()).toBe(true);
    expect(quit()).toBe(true);
    gate.resolve();
    await vi.waitFor(() => expect(app.exit).toHaveBeenCalled());
    expect(quit()).toBe(true);
    await new Promise((r) => setTimeout(r, 20));

    expect(first).toHaveBeenCalledTimes(1);
    expect(last).toHaveBeenCalledTimes(1);
    expect(app.exit).toHaveBeenCalledTimes(1);
  });

  it('exits even with no steps', async () => {
    installGracefulShutdown(app, [], log);
    expect(quit()).toBe(true);
    await vi.waitFor(() => expect(app.exit).toHaveBeenCalledExactlyOnceWith(0));
  });
});
