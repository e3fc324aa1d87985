import type { ScheduleSettings } from '../../core/settings/index.ts';
import { commandOptions, wholeNumber } from '../args.ts';
import { usageError } from '../cli-error.ts';
import type { Command } from '../command.ts';
import { CLI_ACTOR } from '../context.ts';

const USAGE =
  'usage: desk settings show | settings set [--catch-up-days N] [--retry-days 1,3,7|none] [--time-zone ZONE] [--run-time HH:MM] [--key-in on|off]';

/**
 * The owner's store settings for back-office scripts: the same core service as the app's Settings
 * screen, so the same checks (a bad value refuses the whole change) and the same audit rows.
 * The CLI acts as the owner of the data folder.
 */
export const settingsCommand: Command = async (args, ctx) => {
  const [action, ...rest] = args;
  switch (action) {
    case 'show': {
      commandOptions(rest, {}, USAGE);
      const settings = await ctx.settings();
      return shown({ ...settings.schedule(), keyInEnabled: settings.keyInEnabled() });
    }
    case 'set': {
      const { values } = commandOptions(
        rest,
        {
          'catch-up-days': { type: 'string' },
          'retry-days': { type: 'string' },
          'time-zone': { type: 'string' },
          'run-time': { type: 'string' },
          'key-in': { type: 'string' },
        },
        USAGE,
      );
      const change: Partial<ScheduleSettings> = {
        ...(values['catch-up-days'] === undefined
          ? {}
          : { catchUpThresholdDays: wholeNumber(values['catch-up-days'], '--catch-up-days', USAGE) }),
        ...(values['retry-days'] === undefined ? {} : { retryDays: retryDays(values['retry-days']) }),
        ...(values['time-zone'] === undefined ? {} : { timeZone: values['time-zone'] }),
        ...(values['run-time'] === undefined ? {} : { defaultRunTime: values['run-time'] }),
      };
      const keyIn = values['key-in'] === undefined ? undefined : onOff(values['key-in']);
      if (Object.keys(change).length === 0 && keyIn === undefined) {
        throw usageError('바꿀 설정을 하나 이상 지정해 주세요.', USAGE);
      }
      const settings = await ctx.settings();
      const who = { actor: CLI_ACTOR, operatorId: await ctx.operatorId() };
      if (Object.keys(change).length > 0) settings.setSchedule(change, who);
      if (keyIn !== undefined && keyIn !== settings.keyInEnabled()) settings.setKeyIn(keyIn, who);
      return shown({ ...settings.schedule(), keyInEnabled: settings.keyInEnabled() });
    }
    default:
      throw usageError(`알 수 없는 settings 동작입니다: ${action ?? '(없음)'}`, USAGE);
  }
};

function retryDays(text: string): number[] {
  if (text === 'none') return [];
  return text.split(',').map((day) => wholeNumber(day.trim(), '--retry-days', USAGE));
}

function onOff(text: string): boolean {
  if (text === 'on') return true;
  if (text === 'off') return false;
  throw usageError(`--key-in에는 on 또는 off를 입력해 주세요: ${text}`, USAGE);
}

function shown(settings: ScheduleSettings & { keyInEnabled: boolean }) {
  return {
    data: settings,
    text: [
      `확인 대기 기준: ${settings.catchUpThresholdDays}일 넘게 밀린 결제`,
      `재시도: ${settings.retryDays.length ? settings.retryDays.map((day) => `${day}일`).join(', ') : '없음'}`,
      `시간대: ${settings.timeZone}`,
      `기본 결제 시각: ${settings.defaultRunTime}`,
      `카드번호 직접 입력(키인): ${settings.keyInEnabled ? '사용' : '사용 안 함'}`,
    ].join('\n'),
  };
}
