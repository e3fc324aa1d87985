import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { CHANNEL_NAMES, IPC_ERROR_CODES, type IpcResult, ipcChannel } from '../../shared/ipc/index.ts';
import type { Dispatch, Session } from '../core/desk/index.ts';

/**
 * A call is trusted only from the main frame of our own window showing our own page: not from a
 * sub-frame, not from a frame that navigated elsewhere, not from another webContents.
 */
export function isTrustedSender(event: IpcMainInvokeEvent, window: WebContents, appOrigin: string): boolean {
  const frame = event.senderFrame;
  if (!frame || event.sender !== window || frame !== window.mainFrame || frame.parent !== null) return false;
  try {
    const url = new URL(frame.url);
    // Node gives custom schemes the origin 'null', so compare scheme and host instead.
    return `${url.protocol}//${url.host}` === appOrigin;
  } catch {
    return false;
  }
}

const UNTRUSTED: IpcResult<never> = {
  ok: false,
  error: { code: IPC_ERROR_CODES.forbidden, message: '허용되지 않은 화면에서 온 요청입니다.' },
};

/** Registers every contract channel, and only those, each behind the sender check. */
export function registerIpc(
  ipcMain: Pick<IpcMain, 'handle'>,
  options: {
    dispatch: Dispatch;
    isTrusted: (event: IpcMainInvokeEvent) => boolean;
    session: Session;
  },
): void {
  for (const name of CHANNEL_NAMES) {
    ipcMain.handle(ipcChannel(name), (event, payload: unknown, callOptions?: unknown) =>
      options.isTrusted(event)
        ? options.dispatch(name, payload, options.session, backgroundCall(callOptions))
        : UNTRUSTED,
    );
  }
}

/** The renderer says a call is its own refresh: anything else about the second argument is ignored. */
function backgroundCall(callOptions: unknown): { background: boolean } {
  return {
    background:
      typeof callOptions === 'object' &&
      callOptions !== null &&
      (callOptions as { background?: unknown }).background === true,
  };
}
