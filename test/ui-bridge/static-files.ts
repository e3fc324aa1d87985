import { readFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import path from 'node:path';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export const BRIDGE_SCRIPT_PATH = '/__bridge.js';

/**
 * The built index.html with the bridge script placed before the app's module script. A classic
 * script runs before any module script, so `window.autopay` exists when the app starts, as it
 * does under the preload. The CSP meta tag is left exactly as built: the script is same-origin.
 */
export function injectBridgeScript(html: string): string {
  const at = html.indexOf('<script type="module"');
  if (at < 0) throw new Error('The built index.html has no module script to put the bridge before');
  return `${html.slice(0, at)}<script src="${BRIDGE_SCRIPT_PATH}"></script>\n    ${html.slice(at)}`;
}

export function send(response: ServerResponse, status: number, type: string, body: string | Buffer): void {
  response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  response.end(body);
}

/** Serves a file of the built renderer; anything outside its folder or missing is a 404. */
export async function sendRendererFile(rendererDir: string, urlPath: string, response: ServerResponse) {
  const root = path.resolve(rendererDir);
  const file = path.resolve(root, `.${decodeURIComponent(urlPath)}`);
  if (!file.startsWith(`${root}${path.sep}`)) return send(response, 404, 'text/plain', 'not found');
  try {
    const body = await readFile(file);
    send(response, 200, TYPES[path.extname(file)] ?? 'application/octet-stream', body);
  } catch {
    send(response, 404, 'text/plain', 'not found');
  }
}
