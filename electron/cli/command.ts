import type { CliContext } from './context.ts';

/** What a command prints: `data` as the one JSON document under --json, `text` for people. */
export interface CommandOutput {
  data: unknown;
  text: string;
}

/** Returns its output, or undefined when it printed for itself (the long-running `sandbox`). */
export type Command = (args: string[], ctx: CliContext) => Promise<CommandOutput | undefined>;
