import { describe, expect, it } from 'vitest';
import { defaultDataDir, secretsProfileFor } from '../../electron/core/app-paths.ts';

describe('the data folder', () => {
  it.each([
    [
      { platform: 'win32', env: { APPDATA: 'C:\\Users\\kim\\AppData\\Roaming' }, homedir: 'C:\\Users\\kim' },
      'C:\\Users\\kim\\AppData\\Roaming\\Autopay Desk',
    ],
    [
      { platform: 'win32', env: {}, homedir: 'C:\\Users\\kim' },
      'C:\\Users\\kim\\AppData\\Roaming\\Autopay Desk',
    ],
    [
      { platform: 'darwin', env: {}, homedir: '/Users/kim' },
      '/Users/kim/Library/Application Support/Autopay Desk',
    ],
    [{ platform: 'linux', env: { XDG_CONFIG_HOME: '/cfg' }, homedir: '/home/kim' }, '/cfg/Autopay Desk'],
    [{ platform: 'linux', env: {}, homedir: '/home/kim' }, '/home/kim/.config/Autopay Desk'],
  ] as const)('is where Electron keeps userData: %j', (info, expected) => {
    expect(defaultDataDir(info)).toBe(expected);
  });

  it('has a keychain profile of its own, the same for the same folder however it is written', () => {
    expect(secretsProfileFor('/data/store')).toBe(secretsProfileFor('/data/./store/'));
    expect(secretsProfileFor('/data/store')).not.toBe(secretsProfileFor('/data/training'));
    expect(secretsProfileFor('/data/store')).toMatch(/^d-[0-9a-f]{32}$/);
  });
});
