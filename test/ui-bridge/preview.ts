import { buildRenderer, DEFAULT_RENDERER_DIR, rendererIsStale } from './build-renderer.ts';
import { createMemorySecretStore } from './memory-secret-store.ts';
import { seedDemo } from './seed.ts';
import { startUiBridge } from './ui-bridge.ts';

/*
 * `npm run ui:preview`: the real UI over the real core and the emulator, with demo data, in a temp
 * folder. The URL is the first line on stdout so scripts can read it; then each operator's role,
 * name and PIN (owner, manager, staff), to try the permission model by hand.
 * Keys live in memory (memory-secret-store.ts says why) and the data folder is removed on exit,
 * so nothing outlives the process.
 */

if (rendererIsStale(DEFAULT_RENDERER_DIR)) await buildRenderer(DEFAULT_RENDERER_DIR);
const bridge = await startUiBridge({
  rendererDir: DEFAULT_RENDERER_DIR,
  secretStore: createMemorySecretStore(),
  scheduleTimer: true,
});
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Seoul' }).format(new Date());
const owner = await seedDemo(bridge, today);
console.log(bridge.url);
console.log(`owner: ${owner.name}`);
console.log(`PIN: ${owner.pin}`);
for (const operator of owner.team) {
  console.log(`${operator.role}: ${operator.name}`);
  console.log(`PIN: ${operator.pin}`);
}
console.log('Ctrl+C to stop');

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void bridge.close().then(() => process.exit(0));
  });
}
