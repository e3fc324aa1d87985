import { expect, it } from 'vitest';
import { SecretStoreUnavailableError } from '../../electron/core/secrets/index.ts';
import { startupFailureMessage } from '../../electron/shell/startup-failure.ts';

const LOG = '/data/logs/desk.log';

it('shows a locked keychain in the core’s own Korean words, and where the log is', () => {
  const locked = new SecretStoreUnavailableError(
    'get',
    new Error('Cannot autolaunch D-Bus without X11 $DISPLAY'),
  );
  const message = startupFailureMessage(locked, LOG);
  expect(message).toBe(`${locked.message}\n\n앱을 종료합니다. 자세한 내용은 로그 파일에 있습니다: ${LOG}`);
  expect(message).not.toContain('D-Bus');
});

it('describes anything else plainly, never with its English internals', () => {
  const message = startupFailureMessage(
    new TypeError("Cannot read properties of undefined (reading 'db')"),
    LOG,
  );
  expect(message).toBe(
    '예상하지 못한 오류로 앱을 시작하지 못했습니다. 앱을 다시 시작해 보고, 계속되면 관리자에게 로그 파일을 전달해 주세요.' +
      `\n\n앱을 종료합니다. 자세한 내용은 로그 파일에 있습니다: ${LOG}`,
  );
  expect(startupFailureMessage('not even an Error', LOG)).toContain('예상하지 못한 오류');
});
