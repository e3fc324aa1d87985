import { randomUUID } from 'node:crypto';
import { mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { net, protocol } from 'electron';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  APP_ENTRY_URL,
  APP_ORIGIN,
  APP_SCHEME,
  handleAppProtocol,
  registerAppScheme,
  resolveAppFile,
} from '../../electron/shell/app-protocol.ts';

vi.mock('electron', () => ({
  protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
  net: { fetch: vi.fn(async (url: string) => new Response(`served ${url}`)) },
}));

// base/
//   outside.txt          must never be served
//   root-evil/x.txt      a sibling whose name starts with the root's
//   root/index.html, root/assets/index-XoSA2CPH.js
//   root/escape.txt      symlink to ../outside.txt
//   root/inner.txt       symlink to index.html (stays inside)
//   root-link            symlink to root, the way macOS's /var points to /private/var
const base = path.join(tmpdir(), `autopay-app-protocol-${randomUUID()}`);
const root = path.join(base, 'root');
const inRoot = (...segments: string[]) => path.join(root, ...segments);

// Refused outright, whatever is on disk.
const refused = [
  // encoded separators and dot segments the URL parser leaves alone
  'app://desk/%2e%2e%2foutside.txt',
  'app://desk/assets/..%2f..%2foutside.txt',
  'app://desk/assets/%2E%2E%2F%2E%2E%2Foutside.txt',
  'app://desk/..%2froot-evil/x.txt',
  // double encoding: decoded once, a % is left over
  'app://desk/%252e%252e/outside.txt',
  'app://desk/%252e%252e%252foutside.txt',
  'app://desk/assets/%252e%252e%252f%252e%252e%252foutside.txt',
  'app://desk/index%252ehtml',
  // backslashes, raw and encoded
  'app://desk/assets\\..\\..\\outside.txt',
  'app://desk/..%5coutside.txt',
  'app://desk/assets/%5C..%5C..%5Coutside.txt',
  // NUL and malformed escapes
  'app://desk/%00',
  'app://desk/index.html%00.js',
  'app://desk/%',
  'app://desk/%E0%A4%A',
  'app://desk/%C0%AE%C0%AE/outside.txt',
  // absolute paths and drive letters
  `app://desk/${encodeURIComponent(path.join(base, 'outside.txt'))}`,
  `app://desk/${path.join(base, 'outside.txt')}`,
  'app://desk//etc/passwd',
  'app://desk/%2Fetc%2Fpasswd',
  'app://desk/C:/Windows/win.ini',
  'app://desk/C:%5CWindows%5Cwin.ini',
  'app://desk/index.html::$DATA',
  // names Windows reads differently: trailing dots, dot-only segments, devices
  'app://desk/index.html.',
  'app://desk/...',
  'app://desk/.../outside.txt',
  'app://desk/.hidden',
  'app://desk/CON',
  'app://desk/assets/nul.txt',
  'app://desk/com1.js',
  // directories are not listed
  'app://desk/assets/',
  // anything but app://desk
  'app://evil/index.html',
  'app://desk.evil/index.html',
  'app://DESK/index.html',
  'app://desk:8080/index.html',
  'app://user@desk/index.html',
  'app://user:pass@desk/index.html',
  'app:index.html',
  'app:///index.html',
  'https://desk/index.html',
  `file://${path.join(base, 'outside.txt')}`,
  'javascript:alert(1)',
  'not a url',
  '',
];
beforeAll(async () => {
  await mkdir(path.join(root, 'assets'), { recursive: true });
  await mkdir(path.join(base, 'root-evil'));
  await writeFile(path.join(base, 'outside.txt'), 'SECRET');
  await writeFile(path.join(base, 'root-evil', 'x.txt'), 'SECRET');
  await writeFile(path.join(root, 'index.html'), '<!doctype html>');
  await writeFile(path.join(root, 'assets', 'index-XoSA2CPH.js'), 'export {}');
  await symlink(path.join(base, 'outside.txt'), path.join(root, 'escape.txt'));
  await symlink(path.join(root, 'index.html'), path.join(root, 'inner.txt'));
  await symlink(root, path.join(base, 'root-link'));
});

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

beforeEach(() => {
  vi.clearAllMocks();
});

describe('constants', () => {
  it('serves the renderer from app://desk/index.html', () => {
    expect(APP_SCHEME).toBe('app');
    expect(APP_ORIGIN).toBe('app://desk');
    expect(APP_ENTRY_URL).toBe('app://desk/index.html');
    expect(new URL(APP_ENTRY_URL).protocol).toBe(`${APP_SCHEME}:`);
  });
});

describe('registerAppScheme', () => {
  it('registers app: as standard, secure and fetchable, without bypassing CSP or CORS', () => {
    registerAppScheme(protocol);
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledExactlyOnceWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });
});

describe('resolveAppFile', () => {
  it.each([
    ['app://desk/', 'index.html'],
    ['app://desk', 'index.html'],
    ['app://desk/index.html', 'index.html'],
    ['app://desk/index.html?next=../../outside.txt#/../..', 'index.html'],
    ['app://desk/assets/index-XoSA2CPH.js', 'assets/index-XoSA2CPH.js'],
    ['app://desk/assets/index%2DXoSA2CPH.js', 'assets/index-XoSA2CPH.js'],
  ])('%s → root/%s', (url, file) => {
    expect(resolveAppFile(root, url)).toBe(inRoot(file));
  });

  it.each(refused)('refuses %s', (url) => {
    expect(resolveAppFile(root, url)).toBeNull();
  });

  // The URL parser removes these dot segments before we see them, so they stay inside the root.
  it.each([
    'app://desk/../outside.txt',
    'app://desk/%2e%2e/outside.txt',
    'app://desk/.%2e/.%2E/outside.txt',
    'app://desk/assets/../../../outside.txt',
  ])('keeps %s inside the root', (url) => {
    expect(resolveAppFile(root, url)).toBe(inRoot('outside.txt'));
  });
});

describe('handleAppProtocol', () => {
  type Handler = (request: Request) => Response | Promise<Response>;

  function install(rootDir = root): Handler {
    handleAppProtocol(protocol, net, rootDir);
    const [scheme, handler] = vi.mocked(protocol.handle).mock.calls[0] ?? [];
    expect(scheme).toBe('app');
    if (!handler) throw new Error('no handler registered');
    return handler;
  }

  it.each([
    ['app://desk/', 'index.html'],
    ['app://desk/index.html?x=1', 'index.html'],
    ['app://desk/assets/index-XoSA2CPH.js', 'assets/index-XoSA2CPH.js'],
    ['app://desk/inner.txt', 'inner.txt'],
  ])('serves %s from root/%s', async (url, file) => {
    const response = await install()(new Request(url));
    expect(response.status).toBe(200);
    expect(net.fetch).toHaveBeenCalledExactlyOnceWith(pathToFileURL(inRoot(file)).toString());
  });

  it('serves through a root that is itself reached by a symlink', async () => {
    const response = await install(path.join(base, 'root-link'))(new Request('app://desk/index.html'));
    expect(response.status).toBe(200);
    expect(net.fetch).toHaveBeenCalledExactlyOnceWith(
      pathToFileURL(path.join(base, 'root-link', 'index.html')).toString(),
    );
  });

  it.each([
    ...refused,
    'app://desk/../outside.txt',
    'app://desk/%2e%2e/outside.txt',
    'app://desk/escape.txt',
    'app://desk/missing.js',
    'app://desk/assets',
  ])('answers 404 to %s without reading a file', async (url) => {
    // Handed over as written: new Request() would refuse some of them before the handler could.
    const response = await install()({ method: 'GET', url } as Request);
    expect(response.status).toBe(404);
    expect(net.fetch).not.toHaveBeenCalled();
  });

  it.each(['POST', 'PUT', 'DELETE', 'HEAD', 'OPTIONS'])('answers 405 to %s', async (method) => {
    const response = await install()(new Request('app://desk/index.html', { method }));
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET');
    expect(net.fetch).not.toHaveBeenCalled();
  });
});
