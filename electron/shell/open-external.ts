/** Toss's sales-slip pages, live and test (toss-api.md, Payment.receipt). Nothing else is opened. */
const RECEIPT_HOSTS: ReadonlySet<string> = new Set([
  'dashboard.tosspayments.com',
  'dashboard-sandbox.tosspayments.com',
]);

const MAX_URL_LENGTH = 2048;

// Printable ASCII except space and backslash. URL parsers silently drop or rewrite whitespace,
// control characters and backslashes, and map some non-ASCII characters onto ASCII ones, so a
// URL containing them might not mean the same thing to the browser as to us.
const PLAIN_URL = /^[!-[\]-~]+$/;

/**
 * The only way the app opens a browser. The renderer is untrusted (design.md, invariant 9), so
 * the URL must be an https Toss receipt written in canonical form; anything else is refused
 * without calling openExternal. Resolves to whether the OS opened the URL; never rejects.
 */
export function createOpenExternal(
  openExternal: (url: string) => Promise<void>,
): (url: string) => Promise<boolean> {
  return async (input) => {
    const url = parseReceiptUrl(input);
    if (url === null) return false;
    try {
      // The canonical serialisation, so the OS opens exactly what was checked.
      await openExternal(url.href);
      return true;
    } catch {
      // No browser, or the OS refused. Callers fire and forget (a link click), so a rejection
      // here would go unhandled; false already says the page did not open.
      return false;
    }
  };
}

function parseReceiptUrl(input: string): URL | null {
  if (input.length > MAX_URL_LENGTH || !PLAIN_URL.test(input)) return null;
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return null;
  }
  // The input must begin with exactly https://<allowed host>/ as the parser reads it. That rules
  // out other schemes, user:pass@, any port, and every spelling the parser would quietly turn
  // into an allowed host: upper case, trailing or full-width dots, IDN look-alikes.
  return RECEIPT_HOSTS.has(url.hostname) && input.startsWith(`https://${url.hostname}/`) ? url : null;
}
