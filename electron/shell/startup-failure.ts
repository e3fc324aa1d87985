/** The title of the dialog shown when the app cannot start. */
export const STARTUP_FAILURE_TITLE = 'Autopay Desk를 시작하지 못했습니다';

/**
 * What the start-up failure dialog says. The core's own errors (keychain, ledger, secrets) carry a
 * stable code and a Korean message written for store staff, so that message is shown as it is;
 * anything else is a bug, described plainly, with where the log is.
 */
export function startupFailureMessage(error: unknown, logFile: string): string {
  const own =
    error instanceof Error &&
    typeof (error as { code?: unknown }).code === 'string' &&
    /[가-힣]/.test(error.message);
  const what = own
    ? error.message
    : '예상하지 못한 오류로 앱을 시작하지 못했습니다. 앱을 다시 시작해 보고, 계속되면 관리자에게 로그 파일을 전달해 주세요.';
  return `${what}\n\n앱을 종료합니다. 자세한 내용은 로그 파일에 있습니다: ${logFile}`;
}
