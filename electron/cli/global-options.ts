import { tossBaseUrlAllowed } from '../core/toss/index.ts';
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
      else options.tossBaseUrl = tossBase(value);
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

/**
 * Only Toss's API host or an emulator on this computer: the CLI sends the secret key to whatever
 * base it is given, so a typo or a pasted URL must not send it anywhere else.
 */
function tossBase(value: string): string {
  if (tossBaseUrlAllowed(value)) return value;
  throw usageError(
    `--toss-base에는 토스페이먼츠 API 주소(https://api.tosspayments.com)나 이 컴퓨터의 주소(http://127.0.0.1:포트)만 쓸 수 있습니다: ${value}`,
    GLOBAL_USAGE,
  );
}
