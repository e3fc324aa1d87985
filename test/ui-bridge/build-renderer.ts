import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { build } from 'vite';

const root = path.resolve(import.meta.dirname, '../..');

/** The renderer's build output by default; tests build into a temp folder of their own. */
export const DEFAULT_RENDERER_DIR = path.join(root, 'dist/renderer');

/** Builds the renderer with the project's own Vite config into `outDir`, quietly (stdout stays clean). */
export async function buildRenderer(outDir: string): Promise<void> {
  await build({
    configFile: path.join(root, 'vite.config.ts'),
    mode: 'production',
    logLevel: 'error',
    build: { outDir, emptyOutDir: true },
  });
}

function newestChange(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/** Whether `outDir` is missing or older than any renderer or shared source. */
export function rendererIsStale(outDir: string): boolean {
  let built: number;
  try {
    built = statSync(path.join(outDir, 'index.html')).mtimeMs;
  } catch {
    return true;
  }
  const sources = Math.max(
    newestChange(path.join(root, 'renderer')),
    newestChange(path.join(root, 'shared')),
  );
  return sources > built;
}
