import { builtinModules } from 'node:module';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// `vite build` builds the renderer; `vite build --mode main` bundles the Electron main process.
export default defineConfig(({ mode }) =>
  mode === 'main'
    ? {
        build: {
          ssr: 'electron/main.ts',
          outDir: 'dist/electron',
          emptyOutDir: true,
          target: 'node24',
          rollupOptions: {
            external: [
              'electron',
              'keytar',
              'better-sqlite3',
              ...builtinModules.flatMap((m) => [m, `node:${m}`]),
            ],
            output: { entryFileNames: 'main.js' },
          },
        },
      }
    : {
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
      },
);
