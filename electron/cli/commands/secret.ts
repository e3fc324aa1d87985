import { usageError } from '../cli-error.ts';
import type { Command } from '../command.ts';

const USAGE = 'usage: desk secret <set|status|clear>   (set reads the key from standard input)';

/** The Toss secret key in the OS keychain. It is read from stdin so it never shows in argv. */
export const secretCommand: Command = async (args, ctx) => {
  const [action, ...extra] = args;
  if (extra.length > 0) throw usageError(`알 수 없는 인수입니다: ${extra.join(' ')}`, USAGE);
  const secrets = ctx.secrets();
  switch (action) {
    case 'set': {
      await secrets.setTossSecretKey(await ctx.io.readStdin());
      const status = await secrets.tossSecretKeyStatus();
      return { data: status, text: `시크릿 키를 저장했습니다 (${modeName(status.mode)}).` };
    }
    case 'status': {
      const status = await secrets.tossSecretKeyStatus();
      return {
        data: status,
        text: status.configured ? `시크릿 키: 설정됨 (${modeName(status.mode)})` : '시크릿 키: 설정되지 않음',
      };
    }
    case 'clear':
      await secrets.clearTossSecretKey();
      return { data: { configured: false, mode: null }, text: '시크릿 키를 지웠습니다.' };
    default:
      throw usageError(`알 수 없는 secret 동작입니다: ${action ?? '(없음)'}`, USAGE);
  }
};

function modeName(mode: 'test' | 'live' | null): string {
  return mode === 'live' ? '실거래 모드' : '테스트 모드';
}
