import { type ParseArgsOptionsConfig, parseArgs } from 'node:util';
import { usageError } from './cli-error.ts';

/**
 * A command's own options, strictly: an unknown or misspelt flag, or more than `maxPositionals`
 * bare arguments, is a usage error, never ignored.
 */
export function commandOptions<T extends ParseArgsOptionsConfig>(
  args: string[],
  options: T,
  usage: string,
  maxPositionals = 0,
) {
  let parsed: ReturnType<
    typeof parseArgs<{ args: string[]; options: T; strict: true; allowPositionals: true }>
  >;
  try {
    parsed = parseArgs({ args, options, strict: true, allowPositionals: true });
  } catch (error) {
    throw usageError((error as Error).message, usage);
  }
  const extra = parsed.positionals.slice(maxPositionals);
  if (extra.length > 0) throw usageError(`알 수 없는 인수입니다: ${extra.join(' ')}`, usage);
  return parsed;
}

/** A required flag's value. */
export function required(value: string | undefined, flag: string, usage: string): string {
  if (value === undefined || value.trim() === '') throw usageError(`${flag}이(가) 필요합니다.`, usage);
  return value;
}

/** A row id or an amount typed on the command line: digits only, no sign, no grouping. */
export function wholeNumber(value: string, flag: string, usage: string): number {
  const number = Number(value);
  if (!/^\d{1,15}$/.test(value) || !Number.isSafeInteger(number)) {
    throw usageError(`${flag}에는 0 이상의 정수를 숫자로만 입력해 주세요: ${value}`, usage);
  }
  return number;
}

export function optionalWholeNumber(
  value: string | undefined,
  flag: string,
  usage: string,
): number | undefined {
  return value === undefined ? undefined : wholeNumber(value, flag, usage);
}
