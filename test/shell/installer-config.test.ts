import { globSync, readFileSync, realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import { matchesGlob, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Configuration } from 'electron-builder';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = fileURLToPath(new URL('../../', import.meta.url));
const read = (file: string): string => readFileSync(`${root}${file}`, 'utf8');

// Typed as electron-builder's own Configuration so that a misspelt option in these assertions does
// not type-check; whether the file itself is well-formed is the schema test's job below.
const config = parse(read('electron-builder.yml')) as Configuration;
const pkg = JSON.parse(read('package.json')) as {
  productName: string;
  main: string;
  scripts: Record<string, string>;
};

type ValidateConfiguration = (
  config: unknown,
  debugLogger: { isEnabled: boolean; add(key: string, value: unknown): void },
) => Promise<void>;

// The check electron-builder runs on every build, against its scheme.json. app-builder-lib is
// resolved from electron-builder (which pins its exact version), not from the project root.
function electronBuilderValidator(): ValidateConfiguration {
  const fromProject = createRequire(import.meta.url);
  const fromElectronBuilder = createRequire(fromProject.resolve('electron-builder'));
  const configModule = fromElectronBuilder('app-builder-lib/out/util/config/config.js') as {
    validateConfiguration: ValidateConfiguration;
  };
  return configModule.validateConfiguration;
}

const quietLogger = { isEnabled: false, add() {} };

const targetsOf = (target: unknown): unknown[] => (Array.isArray(target) ? target : [target]);

describe('electron-builder.yml', () => {
  it('is valid for electron-builder, which rejects an unknown option', async () => {
    const validate = electronBuilderValidator();
    await expect(validate(structuredClone(config), quietLogger)).resolves.toBeUndefined();
    const misspelt = { ...structuredClone(config), electronFuses: { runAsNod: false } };
    await expect(validate(misspelt, quietLogger)).rejects.toThrow(/configuration\.electronFuses/);
  });

  it('names the app as package.json does, since Electron names the data folder after it', () => {
    expect(config.appId).toBe('kr.autopaydesk.app');
    expect(config.productName).toBe('Autopay Desk');
    expect(config.productName).toBe(pkg.productName);
  });

  it('builds an NSIS installer that installs per user and keeps the ledger on uninstall', () => {
    expect(targetsOf(config.win?.target)).toEqual(['nsis']);
    expect(config.nsis?.oneClick).toBe(true);
    expect(config.nsis?.perMachine).toBe(false);
    expect(config.nsis?.deleteAppDataOnUninstall).toBe(false);
    // electron-builder refuses this option for a one-click installer.
    expect(config.nsis?.allowToChangeInstallationDirectory).toBeUndefined();
  });

  it('builds a DMG with the hardened runtime and the entitlements V8 needs under it', () => {
    expect(targetsOf(config.mac?.target)).toEqual(['dmg']);
    expect(config.mac?.hardenedRuntime).toBe(true);
    expect(config.mac?.entitlements).toBe('build/entitlements.mac.plist');
    expect(config.mac?.entitlementsInherit).toBe('build/entitlements.mac.plist');
    expect(read('build/entitlements.mac.plist')).toContain('com.apple.security.cs.allow-jit');
  });

  it('pins no architecture, because native modules are packaged as npm built them for this machine', () => {
    for (const target of [...targetsOf(config.win?.target), ...targetsOf(config.mac?.target)]) {
      expect(typeof target, JSON.stringify(target)).toBe('string');
    }
  });

  it('packs the app into asar and unpacks every native module of better-sqlite3 and keytar', () => {
    expect(config.asar).toBe(true);
    const unpack = targetsOf(config.asarUnpack) as string[];
    expect(unpack).toContain('**/*.node');
    // The .node file Node loads for each here is among those found (so the unpacked set is not empty).
    const load = createRequire(import.meta.url);
    load('keytar');
    new (load('better-sqlite3') as typeof import('better-sqlite3'))(':memory:').close();
    const nodeModules = realpathSync(`${root}node_modules`);
    const loaded = Object.keys(load.cache)
      .filter((file) => file.endsWith('.node'))
      .map((file) => `node_modules/${relative(nodeModules, file)}`);
    for (const name of ['better-sqlite3', 'keytar']) {
      const natives = globSync(`node_modules/${name}/**/*.node`, { cwd: root });
      expect(loaded.filter((file) => file.startsWith(`node_modules/${name}/`))).toEqual([
        expect.toBeOneOf(natives),
      ]);
      for (const file of natives) {
        expect(
          unpack.some((pattern) => matchesGlob(file, pattern)),
          file,
        ).toBe(true);
      }
    }
    expect(config.npmRebuild).toBe(false);
  });

  it('packages only the built output, and excludes nothing from node_modules', () => {
    const files = config.files as string[];
    expect(files).toEqual(['dist/electron/**', 'dist/renderer/**', 'package.json']);
    // electron-builder applies the "!" patterns of `files` to the production node_modules too.
    expect(files.filter((pattern) => pattern.startsWith('!'))).toEqual([]);
    const packaged = (file: string) => files.some((pattern) => matchesGlob(file, pattern));
    expect(packaged(pkg.main)).toBe(true);
    expect(packaged('dist/renderer/index.html')).toBe(true);
    expect(packaged('dist/electron/preload.cjs')).toBe(true);
    expect(packaged('electron/main.ts')).toBe(false);
    expect(packaged('test/shell/installer-config.test.ts')).toBe(false);
  });

  it('sets the Electron fuses', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
      resetAdHocDarwinSignature: true,
    });
  });
});

describe('installer scripts', () => {
  it.each([
    ['dist:win', '--win nsis'],
    ['dist:mac', '--mac dmg'],
  ])('%s builds, then runs electron-builder with this config for %s', (script, target) => {
    expect(pkg.scripts[script]).toBe(
      `npm run build && electron-builder --config electron-builder.yml ${target}`,
    );
  });

  it('keeps dist', () => {
    expect(pkg.scripts.dist).toBe('npm run build && electron-builder --config electron-builder.yml');
  });
});
