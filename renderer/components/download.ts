/*
 * Saves text as a file through a blob: link. Electron shows its save dialog for it (no download
 * handler refuses it), and the CSP does not govern downloads, only what the page loads.
 */
const REVOKE_AFTER_MS = 10_000;

export function downloadText(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // Revoked later, not at once: the browser reads the blob after this click returns.
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}
