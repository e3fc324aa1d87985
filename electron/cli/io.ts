import { text } from 'node:stream/consumers';

/** What a CLI command may do to the outside world, so tests can drive commands in-process. */
export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  /** All of standard input, for values that must never appear in argv (keys, card data). */
  readStdin(): Promise<string>;
  /** Resolves on SIGINT or SIGTERM. */
  untilStopSignal(): Promise<void>;
}

export function processIo(): CliIo {
  return {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    readStdin: () => text(process.stdin),
    untilStopSignal: () =>
      new Promise((resolve) => {
        const stop = () => {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          resolve();
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      }),
  };
}
