import { registerHooks } from 'node:module';
import { pathToFileURL } from 'node:url';

/**
 * Boots a built main.js (argv[2]) as Electron would, with `electron` resolved to the stand-in:
 * to a ready app, then serves the app:// entry, then quits. Prints one JSON report on stdout.
 * The process must then end on its own: anything main left running would keep it alive.
 */
const standIn = new URL('./electron-stand-in.ts', import.meta.url).href;
registerHooks({
  resolve(specifier, context, nextResolve) {
    if (specifier === 'electron') return { url: standIn, shortCircuit: true, format: 'module' };
    return nextResolve(specifier, context);
  },
});

const { app, record } = (await import(standIn)) as typeof import('./electron-stand-in.ts');
const mainFile = process.argv[2] ?? '';
await import(pathToFileURL(mainFile).href);

for (let i = 0; i < 400 && record.windows.length === 0 && record.exitCode === undefined; i++) {
  await new Promise((resolve) => setTimeout(resolve, 25));
}
const handler = record.protocolHandlers.get('app');
const entryUrl = record.windows[0]?.url ?? '';
const entry = handler && entryUrl ? await handler(new Request(entryUrl)) : undefined;
const ready = {
  order: [...record.order],
  schemes: record.schemes,
  handlers: record.handlers,
  windows: record.windows,
  trayIcons: record.trayIcons,
  errorBoxes: record.errorBoxes,
  entry: entry ? { status: entry.status, body: await entry.text() } : null,
};

app.quit();
for (let i = 0; i < 400 && record.exitCode === undefined; i++) {
  await new Promise((resolve) => setTimeout(resolve, 25));
}
process.stdout.write(`${JSON.stringify({ ready, exitCode: record.exitCode, order: record.order })}\n`);
