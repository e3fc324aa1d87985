/** A failure the CLI reports as one line on stderr with its exit code (2: usage, 1: anything else). */
export class CliError extends Error {
  override readonly name = 'CliError';
  readonly exitCode: number;

  constructor(message: string, exitCode = 1) {
    super(message);
    this.exitCode = exitCode;
  }
}

export function usageError(message: string, usage: string): CliError {
  return new CliError(`${message} (${usage})`, 2);
}
