import { usageError } from './cli-error.ts';

export interface GlobalOptions {
  dataDir: string | undefined;
  tossBaseUrl: string | undefined;
  json: boolean;
}

export const GLOBAL_USAGE = 'global options: --data-dir DIR, --toss-base URL, --json';

/**
 * Takes the global options out of argv wherever they stand (`--data-dir DIR` or `--data-dir=DIR`)
 * and leaves the command and its own arguments in order.
 */
export function parseGlobalOptions(argv: readonly string[]): { options: GlobalOptions; rest: string[] } {
  const options: GlobalOptions = { dataDir: undefined, tossBaseUrl: undefined, json: false };
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const [name, inline] = arg.startsWith('--') && arg.includes('=') ? splitOnce(arg) : [arg, undefined];
    if (name === '--json' && inline === undefined) {
      options.json = true;
    } else if (name === '--data-dir' || name === '--toss-base') {
      const value = inline ?? argv[++i];
      if (value === undefined || value === '') throw usageError(`${name}에 값이 필요합니다.`, GLOBAL_USAGE);
      if (name === '--data-dir') options.dataDir = value;
      else options.tossBaseUrl = value;
    } else {
      rest.push(arg);
    }
  }
  return { options, rest };
}

function splitOnce(arg: string): [string, string] {
  const at = arg.indexOf('=');
  return [arg.slice(0, at), arg.slice(at + 1)];
}
