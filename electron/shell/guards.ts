import type { App, Session, WebContents } from 'electron';

export interface GuardOptions {
  /** Told about links the renderer tried to open in a new window; it decides whether to open them. */
  onExternalLink?: (url: string) => void;
  /**
   * webContents that keep to other hosts under guards of their own (the card registration
   * window, billing-window.ts); they still get no permissions.
   */
  exempt?: (contents: WebContents) => boolean;
}

/**
 * The origin of a URL as scheme://host[:port]. Built by hand because Node's URL.origin is 'null'
 * for custom schemes such as app:. URLs without a host (javascript:, data:, blob:, file:///) have
 * no origin and are never allowed.
 */
function originOf(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  return parsed.host === '' ? null : `${parsed.protocol}//${parsed.host}`;
}

/**
 * Keeps a webContents on the app's own origin: no navigation or redirect elsewhere, no new
 * windows, no <webview>. The renderer is untrusted (design.md, invariant 9).
 */
export function guardWebContents(
  contents: WebContents,
  allowedOrigin: string,
  options: GuardOptions = {},
): void {
  const stayOnOrigin = (event: { url: string; preventDefault(): void }) => {
    if (originOf(event.url) !== allowedOrigin) event.preventDefault();
  };
  contents.on('will-navigate', stayOnOrigin);
  contents.on('will-redirect', stayOnOrigin);
  contents.setWindowOpenHandler(({ url }) => {
    options.onExternalLink?.(url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** The app needs no camera, microphone, location, notifications from web code, USB or HID. */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler?.(() => false);
}

/** Guards every webContents the app ever creates, including ones nobody asked for. */
export function installGuards(app: App, allowedOrigin: string, options: GuardOptions = {}): void {
  app.on('web-contents-created', (_event, contents) => {
    if (!options.exempt?.(contents)) guardWebContents(contents, allowedOrigin, options);
    denyAllPermissions(contents.session);
  });
}
