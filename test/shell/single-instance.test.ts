import { app } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { claimSingleInstance } from '../../electron/shell/single-instance.ts';

vi.mock('electron', () => ({
  app: { requestSingleInstanceLock: vi.fn(), quit: vi.fn(), on: vi.fn() },
}));

beforeEach(() => {
  vi.clearAllMocks();
});

describe('claimSingleInstance', () => {
  it('quits a second instance before it can do anything', () => {
    vi.mocked(app.requestSingleInstanceLock).mockReturnValue(false);
    const onSecondInstance = vi.fn();

    expect(claimSingleInstance(app, onSecondInstance)).toBe(false);
    expect(app.quit).toHaveBeenCalledTimes(1);
    expect(app.on).not.toHaveBeenCalled();
    expect(onSecondInstance).not.toHaveBeenCalled();
  });

  it('keeps the first instance and tells it when another one starts', () => {
    vi.mocked(app.requestSingleInstanceLock).mockReturnValue(true);
    const onSecondInstance = vi.fn();

    expect(claimSingleInstance(app, onSecondInstance)).toBe(true);
    expect(app.quit).not.toHaveBeenCalled();
    expect(app.on).toHaveBeenCalledTimes(1);
    const [event, listener] = vi.mocked(app.on).mock.calls[0] ?? [];
    expect(event).toBe('second-instance');
    expect(onSecondInstance).not.toHaveBeenCalled();

    (listener as () => void)();
    expect(onSecondInstance).toHaveBeenCalledTimes(1);
  });
});
