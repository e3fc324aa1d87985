import type { IncomingMessage } from 'node:http';

export const MAX_BODY_BYTES = 1024 * 1024;

export type BodyResult = { readonly ok: true; readonly body: Buffer } | { readonly ok: false };

/**
 * Reads the whole body. Past the limit the rest is still drained, not left unread: closing a socket
 * with unread input makes TCP send a reset, and the client would lose the 400 it is owed.
 */
export async function readBody(req: IncomingMessage, limit: number): Promise<BodyResult> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const bytes = chunk as Buffer;
    size += bytes.length;
    if (size <= limit) chunks.push(bytes);
  }
  return size <= limit ? { ok: true, body: Buffer.concat(chunks) } : { ok: false };
}
