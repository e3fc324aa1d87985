import { app } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { setLaunchAtLogin } from '../../electron/shell/launch-at-login.ts';

vi.mock('electron', () => ({ app: { setLoginItemSettings: vi.fn() } }));

beforeEach(() => {
  vi.clearAllMocks();
});

describe('setLaunchAtLogin', () => {
  it('registers the app as a login item', () => {
    setLaunchAtLogin(app, true);
    expect(app.setLoginItemSettings).toHaveBeenCalledExactlyOnceWith({ openAtLogin: true });
  });

  it('removes the same login item again', () => {
    setLaunchAtLogin(app, false);
    expect(app.setLoginItemSettings).toHaveBeenCalledExactlyOnceWith({ openAtLogin: false });
  });
});
