import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// What ships is the HTML vite writes, not renderer/index.html: vite adds tags of its own, so the
// policy and the scripts are checked in its output.
const configFile = fileURLToPath(new URL('../../vite.config.ts', import.meta.url));
const outDir = mkdtempSync(join(tmpdir(), 'renderer-csp-'));
let html = '';

beforeAll(async () => {
  await build({ configFile, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  html = readFileSync(join(outDir, 'index.html'), 'utf8');
}, 120_000);

afterAll(() => {
  rmSync(outDir, { recursive: true, force: true });
});

const decodeAttribute = (value: string): string =>
  value
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&apos;', "'")
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&');

function attributes(tag: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const m of tag.matchAll(/([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g)) {
    const name = m[1];
    if (name === undefined || found.has(name.toLowerCase())) continue;
    found.set(name.toLowerCase(), decodeAttribute(m[2] ?? m[3] ?? m[4] ?? ''));
  }
  return found;
}

function cspMetaTags(): { index: number; content: string }[] {
  return [...html.matchAll(/<meta\b[^>]*>/gi)].flatMap((m) => {
    const attrs = attributes(m[0].slice('<meta'.length));
    return attrs.get('http-equiv')?.toLowerCase() === 'content-security-policy'
      ? [{ index: m.index, content: attrs.get('content') ?? '' }]
      : [];
  });
}

function policy(): Map<string, string[]> {
  const [meta] = cspMetaTags();
  if (!meta) throw new Error('the built index.html has no Content-Security-Policy meta tag');
  const directives = new Map<string, string[]>();
  for (const part of meta.content.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (!name) continue;
    // A browser ignores a repeated directive, so a second, looser one would be misleading here.
    if (directives.has(name.toLowerCase())) throw new Error(`directive ${name} appears twice`);
    directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

const scripts = (): { attrs: Map<string, string>; body: string }[] =>
  [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)].map((m) => ({
    attrs: attributes(m[1] ?? ''),
    body: m[2] ?? '',
  }));

describe('the Content-Security-Policy of the built renderer', () => {
  it('is one meta tag, before anything it has to govern', () => {
    const metas = cspMetaTags();
    expect(metas).toHaveLength(1);
    // A meta policy only applies to what the parser meets after it.
    const firstLoad = html.search(/<(script|link|style)\b/i);
    expect(firstLoad).toBeGreaterThan(-1);
    expect(metas[0]?.index).toBeLessThan(firstLoad);
  });

  it("defaults to 'self'", () => {
    expect(policy().get('default-src')).toEqual(["'self'"]);
  });

  it('runs only scripts from the app itself: no inline, no eval, no other origin', () => {
    const directives = policy();
    // renderer/index.html's policy; a hash would pass the checks below too.
    expect(directives.get('script-src')).toEqual(["'self'"]);
    for (const name of ['script-src', 'script-src-elem', 'script-src-attr']) {
      for (const source of directives.get(name) ?? []) {
        expect(source, name).not.toMatch(
          /^'unsafe-|^'wasm-unsafe-eval'$|\*|^https?:|^(data|blob|filesystem):$/i,
        );
        // Anything else (a host, a scheme, 'strict-dynamic') widens what may run.
        expect(source, name).toMatch(/^'self'$|^'(sha256|sha384|sha512)-[A-Za-z0-9+/=]+'$/);
      }
    }
  });

  it("lets the renderer connect to nothing but 'self': Toss is called from main only", () => {
    expect(policy().get('connect-src')).toEqual(["'self'"]);
  });

  it('allows no plugins and no <base>', () => {
    expect(policy().get('object-src')).toEqual(["'none'"]);
    expect(policy().get('base-uri')).toEqual(["'none'"]);
  });
});

describe('the scripts of the built renderer', () => {
  it('are all files with a src and no inline body', () => {
    const found = scripts();
    // The one entry vite bundles main.tsx into.
    expect(found.map(({ attrs }) => attrs.get('src'))).toEqual([
      expect.stringMatching(/^\.\/assets\/[\w-]+\.js$/),
    ]);
    for (const { attrs, body } of found) {
      expect(attrs.get('src') ?? '', 'a script without src').toMatch(/\S/);
      expect(body.trim(), `inline body of the script ${attrs.get('src')}`).toBe('');
    }
  });

  it('are the only script tags: every <script opens a tag the check above saw', () => {
    expect(html.match(/<script\b/gi)?.length).toBe(scripts().length);
  });

  it('have no inline event handlers either', () => {
    for (const tag of html.match(/<[a-z][^>]*>/gi) ?? []) {
      expect(
        [...attributes(tag.replace(/^<[a-z0-9-]+/i, '')).keys()].filter((n) => n.startsWith('on')),
      ).toEqual([]);
    }
  });
});
