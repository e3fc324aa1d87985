import type { RunSummary } from '../../core/schedule/index.ts';
import { commandOptions } from '../args.ts';
import { CliError, usageError } from '../cli-error.ts';
import type { Command } from '../command.ts';

const USAGE = 'usage: desk run-due [--now 2026-03-01T10:00:00+09:00] [--rate N] [--concurrency N]';

/** The Toss client's connection pool: more charges at once than this would only queue in it. */
export const MAX_RUN_CONCURRENCY = 16;

// An explicit offset is required: a bare local time would mean whatever zone the shell is in,
// and a preview run as of the wrong instant would charge (or queue) the wrong periods.
const INSTANT_SHAPE =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|([+-])(\d{2}):(\d{2}))$/;

/**
 * An ISO 8601 instant with its offset (`2026-03-01T10:00+09:00`, `…Z`). Date.parse alone would
 * take 2026-02-30 as March 2nd, so every field is checked against the calendar.
 */
export function parseInstant(text: string, flag: string, usage: string): Date {
  const m = INSTANT_SHAPE.exec(text);
  const bad = () =>
    usageError(`${flag}에는 2026-03-01T10:00:00+09:00 같은 시각을 입력해 주세요: ${text}`, usage);
  if (!m) throw bad();
  const [year, month, day, hour, minute] = [1, 2, 3, 4, 5].map((i) => Number(m[i]));
  const second = Number(m[6] ?? 0);
  const milli = Number((m[7] ?? '0').padEnd(3, '0'));
  const offsetMinutes = m[8] === 'Z' ? 0 : (m[9] === '-' ? -1 : 1) * (Number(m[10]) * 60 + Number(m[11]));
  const wall = Date.UTC(year as number, (month as number) - 1, day, hour, minute, second, milli);
  const check = new Date(wall);
  if (
    check.getUTCFullYear() !== year ||
    check.getUTCMonth() !== (month as number) - 1 ||
    check.getUTCDate() !== day ||
    (hour as number) > 23 ||
    second > 59 ||
    Number(m[11] ?? 0) > 59
  ) {
    throw bad();
  }
  return new Date(wall - offsetMinutes * 60_000);
}

/**
 * Charges started per second (0 = no limit). Decimals are allowed: Toss's test environment is
 * reported at 100 requests a minute, about 1.6 a second.
 */
export function parseRate(text: string, usage: string): number {
  const rate = Number(text);
  if (!/^\d{1,6}(\.\d{1,3})?$/.test(text) || !Number.isFinite(rate)) {
    throw usageError(
      `--rate에는 초당 시작할 결제 수를 0 이상의 숫자로 입력해 주세요 (0은 제한 없음): ${text}`,
      usage,
    );
  }
  return rate;
}

export function parseConcurrency(text: string, usage: string): number {
  const concurrency = Number(text);
  if (!/^\d{1,2}$/.test(text) || concurrency < 1 || concurrency > MAX_RUN_CONCURRENCY) {
    throw usageError(
      `--concurrency에는 동시에 보낼 결제 수를 1부터 ${MAX_RUN_CONCURRENCY}까지의 정수로 입력해 주세요: ${text}`,
      usage,
    );
  }
  return concurrency;
}

/** Runs the schedule runner once: writes the periods that came due and charges the pending ones. */
export const runDueCommand: Command = async (args, ctx) => {
  const { values } = commandOptions(
    args,
    { now: { type: 'string' }, rate: { type: 'string' }, concurrency: { type: 'string' } },
    USAGE,
  );
  const asOf = values.now === undefined ? ctx.now() : parseInstant(values.now, '--now', USAGE);
  await refuseLiveFuture(asOf, ctx);
  const runner = await ctx.runner(asOf, {
    ...(values.rate === undefined ? {} : { ratePerSecond: parseRate(values.rate, USAGE) }),
    ...(values.concurrency === undefined ? {} : { concurrency: parseConcurrency(values.concurrency, USAGE) }),
  });
  let summary: RunSummary;
  try {
    summary = await runner.runDue();
  } finally {
    await runner.stop();
  }
  // As the app does: a run that charged anything is followed by an off-PC backup when the owner
  // chose a folder. The charges stand whatever happens to it; a failure is reported, not thrown.
  const offsiteBackup = await ctx.offsiteTick().then(
    (result) => (result === null ? null : { file: result.file }),
    (error: unknown) => ({ error: error instanceof Error ? error.message : String(error) }),
  );
  const data = { ...summary, asOf: new Date(summary.asOf).toISOString(), offsiteBackup };
  return { data, text: describe(data) };
};

/**
 * With a live key, a run as of an instant still to come would charge real cards for periods not
 * yet due; only a test key (tests, training) may simulate any instant.
 */
async function refuseLiveFuture(asOf: Date, ctx: Parameters<Command>[1]): Promise<void> {
  if (asOf.getTime() <= ctx.now().getTime()) return;
  if ((await ctx.secrets().tossSecretKeyStatus()).mode !== 'live') return;
  throw new CliError(
    `실제 결제 키(live)로는 앞으로 올 시각 기준으로 실행할 수 없습니다. 아직 때가 되지 않은 결제까지 청구됩니다: ${asOf.toISOString()}`,
    2,
  );
}

function describe(
  s: Omit<RunSummary, 'asOf'> & {
    asOf: string;
    offsiteBackup: { file: string } | { error: string } | null;
  },
): string {
  const c = s.charged;
  const offsite =
    s.offsiteBackup === null
      ? []
      : 'file' in s.offsiteBackup
        ? [`PC 밖 백업: ${s.offsiteBackup.file}`]
        : [`PC 밖 백업 실패: ${s.offsiteBackup.error}`];
  return [
    `${s.asOf} 기준 실행: 새 결제 기간 ${s.materialized}건 (그중 확인 대기 ${s.awaitingConfirmation}건, 유료 전환 동의 대기 ${s.awaitingConsent}건)`,
    `결제 완료 ${c.DONE}건, 거절 ${c.DECLINED}건, 실패 ${c.FAILED}건, 결과 미확인 ${c.UNKNOWN}건`,
    `건너뜀 ${s.skipped}건, 오류 ${s.errors}건`,
    ...offsite,
  ].join('\n');
}
