import { redactCardNumbers } from '../../../shared/card/index.ts';

export const REDACTED = '[REDACTED]';

const TOSS_KEY_ENVS = ['test', 'live'];
// sk: secret, ck: client, gsk/gck: widget secret/client, ak: the legacy secret (toss-api.md §1.1).
const TOSS_KEY_KINDS = ['sk', 'ck', 'gsk', 'gck', 'ak'];

// Keys anywhere in text, also glued to other words ("key=test_sk_…", "foo_live_sk_…"). The
// environment and kind stay readable, which is enough to tell which key a line was about.
const TOSS_KEY = new RegExp(`(${TOSS_KEY_ENVS.join('|')})_(${TOSS_KEY_KINDS.join('|')})_[A-Za-z0-9_]+`, 'g');

// The credentials of any Basic authorization value, whatever they encode.
const BASIC_CREDENTIALS = /\b(Basic)\s+[A-Za-z0-9+/_-]+=*/gi;

/**
 * The base64 of a key on its own (the `key:` of a Basic header without the word Basic). A key
 * starts its encoding, so the leading characters are the same for every key of a kind: those
 * fully decided by the prefix are floor(8n / 6) for an n-byte prefix; the next one also
 * depends on the first character after it.
 */
const ENCODED_TOSS_KEY = new RegExp(
  `(?:${TOSS_KEY_ENVS.flatMap((env) => TOSS_KEY_KINDS.map((kind) => encodedPrefix(`${env}_${kind}_`))).join('|')})[A-Za-z0-9+/_-]*=*`,
  'g',
);

function encodedPrefix(prefix: string): string {
  return Buffer.from(prefix, 'utf8')
    .toString('base64')
    .slice(0, Math.floor((prefix.length * 8) / 6));
}

/**
 * A billing key on its own, under any name or in a URL path: Toss's are 32 bytes as URL-safe
 * base64, 43 characters and `=` (toss-api.md §3.3: 44 characters, `=` padded; `%3D` once
 * URL-encoded).
 */
const BILLING_KEY = /(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{43}(?:=|%3D)(?![A-Za-z0-9_=-])/gi;

/**
 * Removes secrets from free text: Basic credentials, encoded and plain Toss keys, billing keys,
 * and digit runs that look like card numbers (shared/card's redactCardNumbers, so that the app has
 * one rule). Basic comes first so that its value is gone before the other rules look at pieces
 * of it.
 */
export function redactText(text: string): string {
  const withoutCredentials = text
    .replace(BASIC_CREDENTIALS, `$1 ${REDACTED}`)
    .replace(ENCODED_TOSS_KEY, REDACTED)
    .replace(TOSS_KEY, `$1_$2_${REDACTED}`)
    .replace(BILLING_KEY, REDACTED);
  return redactCardNumbers(withoutCredentials);
}
