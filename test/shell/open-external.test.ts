import { domainToASCII } from 'node:url';
import { shell } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createOpenExternal } from '../../electron/shell/open-external.ts';

vi.mock('electron', () => ({ shell: { openExternal: vi.fn(async () => {}) } }));

// Wired the way main.ts does it.
const openExternal = createOpenExternal((url) => shell.openExternal(url));

const LIVE_RECEIPT =
  'https://dashboard.tosspayments.com/receipt/redirection?transactionId=tviva20240213121757MvuS8&ref=PX';
const TEST_RECEIPT =
  'https://dashboard-sandbox.tosspayments.com/receipt/redirection?transactionId=tgen_20240213&ref=PX';

beforeEach(() => {
  vi.clearAllMocks();
});

describe('createOpenExternal', () => {
  it.each([
    LIVE_RECEIPT,
    TEST_RECEIPT,
    'https://dashboard.tosspayments.com/sales-slip?transactionId=abc&ref=PX',
    'https://dashboard.tosspayments.com/',
    'https://dashboard.tosspayments.com/receipt#top',
  ])('opens the Toss receipt %s', async (url) => {
    await expect(openExternal(url)).resolves.toBe(true);
    expect(shell.openExternal).toHaveBeenCalledExactlyOnceWith(url);
  });

  it('opens the URL as parsed, not as written', async () => {
    await expect(openExternal('https://dashboard.tosspayments.com/x/../receipt?a=%7e')).resolves.toBe(true);
    expect(shell.openExternal).toHaveBeenCalledExactlyOnceWith(
      'https://dashboard.tosspayments.com/receipt?a=%7e',
    );
  });

  it('accepts a URL of exactly 2048 characters and refuses one longer', async () => {
    const prefix = 'https://dashboard.tosspayments.com/receipt?x=';
    const longest = prefix + 'a'.repeat(2048 - prefix.length);
    expect(longest).toHaveLength(2048);
    await expect(openExternal(longest)).resolves.toBe(true);
    await expect(openExternal(`${longest}a`)).resolves.toBe(false);
    expect(shell.openExternal).toHaveBeenCalledTimes(1);
  });

  it.each([
    // other schemes
    'javascript:alert(1)',
    'javascript://dashboard.tosspayments.com/%0aalert(1)',
    'JaVaScRiPt:alert(1)',
    'file:///C:/Windows/System32/calc.exe',
    'file://dashboard.tosspayments.com/receipt',
    'http://dashboard.tosspayments.com/receipt',
    'data:text/html,<script>alert(1)</script>',
    'ms-settings:privacy',
    'smb://dashboard.tosspayments.com/share',
    'HTTPS://dashboard.tosspayments.com/receipt',
    // other hosts
    'https://dashboard.tosspayments.com.evil.com/receipt',
    'https://evil.com/dashboard.tosspayments.com',
    'https://evil.com/?u=https://dashboard.tosspayments.com/',
    'https://evil-dashboard.tosspayments.com/',
    'https://sub.dashboard.tosspayments.com/',
    'https://tosspayments.com/receipt',
    'https://docs.tosspayments.com/',
    'https://dashboard.tosspayments.com%2eevil.com/',
    'https://127.0.0.1/',
    'https://[::1]/',
    // credentials
    'https://dashboard.tosspayments.com@evil.com/',
    'https://dashboard.tosspayments.com:443@evil.com/',
    'https://evil.com@dashboard.tosspayments.com/',
    'https://user:pass@dashboard.tosspayments.com/receipt',
    'https://:@dashboard.tosspayments.com/receipt',
    // ports
    'https://dashboard.tosspayments.com:8443/receipt',
    'https://dashboard.tosspayments.com:443/receipt',
    'https://dashboard.tosspayments.com:/receipt',
    // spellings the parser would quietly turn into an allowed host
    'https://DASHBOARD.TOSSPAYMENTS.COM/receipt',
    'https://Dashboard.tosspayments.com/receipt',
    'https://dashboard.tosspayments.com./receipt',
    'https://dashboard．tosspayments．com/receipt',
    'https://ｄａｓｈｂｏａｒｄ.tosspayments.com/receipt',
    'https://dashboard.tosspayments.com',
    'https:dashboard.tosspayments.com/receipt',
    'https:/dashboard.tosspayments.com/receipt',
    'https:///dashboard.tosspayments.com/receipt',
    // IDN look-alikes, raw and as punycode
    'https://dashboard.tosspaymentѕ.com/receipt',
    `https://${domainToASCII('dashboard.tosspaymentѕ.com')}/receipt`,
    'https://dаshboard.tosspayments.com/receipt',
    // backslashes, whitespace and control characters
    'https://dashboard.tosspayments.com\\@evil.com/',
    'https:\\\\dashboard.tosspayments.com\\receipt',
    'https://evil.com\\dashboard.tosspayments.com/',
    'https://dashboard.tosspayments.com/re\\ceipt',
    ' https://dashboard.tosspayments.com/receipt',
    'https://dashboard.tosspayments.com/receipt ',
    '\thttps://dashboard.tosspayments.com/receipt',
    'https://dashboard.tosspayments.com/re\nceipt',
    'https://dashboard.tosspayments.com/receipt\u0000',
    'https://dashboard.tosspayments.com/receipt?x=한글',
    'https://dashboard.tosspayments.com\u200b/receipt',
    // not URLs at all
    'dashboard.tosspayments.com/receipt',
    '//dashboard.tosspayments.com/receipt',
    '/receipt',
    '',
  ])('refuses %s without calling openExternal', async (url) => {
    await expect(openExternal(url)).resolves.toBe(false);
    expect(shell.openExternal).not.toHaveBeenCalled();
  });

  it('resolves false instead of rejecting when the OS cannot open the browser', async () => {
    vi.mocked(shell.openExternal).mockRejectedValueOnce(new Error('no browser'));
    await expect(openExternal(LIVE_RECEIPT)).resolves.toBe(false);
    expect(shell.openExternal).toHaveBeenCalledExactlyOnceWith(LIVE_RECEIPT);
  });
});
