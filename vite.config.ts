import { builtinModules } from 'node:module';
import react from '@vitejs/plugin-react';
import type { UserConfig } from 'vite';
import { defineConfig } from 'vitest/config';

// `vite build` builds the renderer; `vite build --mode main` bundles the Electron main process.
const nodeExternals = [
  'electron',
  'keytar',
  'better-sqlite3',
  ...builtinModules.flatMap((m) => [m, `node:${m}`]),
];

/** The Electron side: `--mode main` bundles main.ts (ESM), `--mode preload` the preload. */
function electronBuild(
  entry: string,
  format: 'es' | 'cjs',
  fileName: string,
  emptyOutDir: boolean,
): UserConfig {
  return {
    // A sandboxed preload can require only 'electron', so it carries its dependencies (zod) inside.
    ...(format === 'cjs' ? { ssr: { noExternal: true } } : {}),
    build: {
      ssr: entry,
      outDir: 'dist/electron',
      emptyOutDir,
      target: 'node24',
      rollupOptions: { external: nodeExternals, output: { format, entryFileNames: fileName } },
    },
  };
}

// `vite build` builds the renderer; `--mode main` and `--mode preload` the Electron side.
export default defineConfig(({ mode }) => {
  if (mode === 'main') return electronBuild('electron/main.ts', 'es', 'main.js', true);
  // A sandboxed preload cannot be an ES module: Electron loads it as CommonJS.
  if (mode === 'preload') return electronBuild('electron/preload.ts', 'cjs', 'preload.cjs', false);
  return {
    root: 'renderer',
    // The packaged app serves the renderer from its own files, so asset paths stay relative.
    base: './',
    plugins: [react()],
    build: { outDir: '../dist/renderer', emptyOutDir: true, target: 'chrome140' },
    test: {
      root: '.',
      include: ['test/**/*.test.ts'],
      pool: 'forks',
      testTimeout: 20_000,
      hookTimeout: 20_000,
    },
  };
});
