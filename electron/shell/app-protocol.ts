import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Net, Protocol } from 'electron';

export const APP_SCHEME = 'app';
const APP_HOST = 'desk';
export const APP_ORIGIN = 'app://desk';
export const APP_ENTRY_URL = 'app://desk/index.html';

/**
 * Must run before the app's 'ready' event. A standard, secure scheme gives the renderer a real
 * origin (storage, relative URLs, fetch) without file:'s broad access; it does not bypass CSP.
 */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

// Bundled file names are plain (Vite emits name-hash.ext), so anything else is refused rather
// than interpreted: this rules out %, NUL, backslashes, drive colons and NTFS streams at once.
const SAFE_SEGMENT = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;
// Windows opens these as devices in any folder and with any extension.
const WINDOWS_DEVICE = /^(con|prn|aux|nul|conin\$|conout\$|com\d|lpt\d)(\..*)?$/i;

/**
 * The file under rootDir that an app:// URL names, or null when the URL must not be served.
 * Pure: symlinks are checked by the handler, which touches the disk anyway.
 */
export function resolveAppFile(rootDir: string, requestUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST || url.username || url.password) {
    return null;
  }
  let decoded: string;
  try {
    // Decoded once only: a '%' left after that (from %25) fails the segment check below.
    decoded = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  // A URL with a host has a pathname that is empty or starts with '/'.
  const segments = (decoded === '/' || decoded === '' ? '/index.html' : decoded).slice(1).split('/');
  if (!segments.every(isSafeSegment)) return null;

  const root = path.resolve(rootDir);
  const file = path.resolve(root, ...segments);
  return isInside(root, file) ? file : null;
}

function isSafeSegment(segment: string): boolean {
  // Windows drops trailing dots, so "index.html." or "..." would name something else on disk.
  return SAFE_SEGMENT.test(segment) && !segment.endsWith('.') && !WINDOWS_DEVICE.test(segment);
}

function isInside(root: string, file: string): boolean {
  const relative = path.relative(root, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

/** Serves the renderer's files on app://desk/, and nothing else. */
export function handleAppProtocol(
  protocol: Pick<Protocol, 'handle'>,
  net: Pick<Net, 'fetch'>,
  rootDir: string,
): void {
  protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET') {
      return new Response(null, { status: 405, headers: { Allow: 'GET' } });
    }
    const file = resolveAppFile(rootDir, request.url);
    if (file === null || !(await isRegularFileInside(rootDir, file))) {
      return new Response(null, { status: 404 });
    }
    return net.fetch(pathToFileURL(file).toString());
  });
}

// fs.promises is read at call time because Electron patches it to see inside app.asar.
async function isRegularFileInside(rootDir: string, file: string): Promise<boolean> {
  try {
    const [realRoot, realFile] = await Promise.all([
      fs.promises.realpath(rootDir),
      fs.promises.realpath(file),
    ]);
    return isInside(realRoot, realFile) && (await fs.promises.stat(realFile)).isFile();
  } catch {
    return false;
  }
}
