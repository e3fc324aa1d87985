import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';

export interface SandboxProcess {
  url: string;
  stop(): Promise<void>;
}

/**
 * Runs the emulator through the CLI in its own process, so its CPU time is not counted against
 * the client being measured (the machine has two cores: one each).
 */
export async function startSandboxProcess(): Promise<SandboxProcess> {
  const child: ChildProcess = spawn(process.execPath, ['electron/cli/desk.ts', 'sandbox'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (!child.stdout) throw new Error('sandbox process has no stdout');
  const lines = createInterface({ input: child.stdout });
  const [url] = (await once(lines, 'line')) as [string];
  return {
    url,
    async stop() {
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    },
  };
}
