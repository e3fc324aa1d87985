import type { Reply } from './http-reply.ts';

export const MAX_IDEMPOTENCY_KEY_LENGTH = 300;
export const IDEMPOTENCY_TTL_MS = 15 * 24 * 60 * 60 * 1000;

/** §9: a duplicate is the same key, API key, URL and method; the body is not part of it. */
export interface IdempotencyScope {
  readonly key: string;
  readonly secretKey: string;
  readonly method: string;
  readonly path: string;
}

export type Claim =
  | {
      readonly kind: 'first';
      /** Stores the response; later duplicates replay it. */
      complete(reply: Reply): void;
      /** Forgets the request, as if it never came: for work that ended without a business answer. */
      abandon(): void;
    }
  | { readonly kind: 'replay'; readonly reply: Reply; readonly sameBody: boolean }
  | { readonly kind: 'in-flight' };

interface Entry {
  readonly firstUsedAt: number;
  readonly bodyDigest: string;
  reply: Reply | undefined;
}

export interface IdempotencyCache {
  claim(scope: IdempotencyScope, bodyDigest: string): Claim;
  clear(): void;
}

/** Entries live 15 days from first use by the injected clock (§9) and are dropped lazily. */
export function createIdempotencyCache(now: () => Date): IdempotencyCache {
  const entries = new Map<string, Entry>();
  return {
    claim(scope, bodyDigest) {
      const id = JSON.stringify([scope.key, scope.secretKey, scope.method, scope.path]);
      const at = now().getTime();
      const existing = entries.get(id);
      if (existing && at - existing.firstUsedAt < IDEMPOTENCY_TTL_MS) {
        if (!existing.reply) return { kind: 'in-flight' };
        return { kind: 'replay', reply: existing.reply, sameBody: existing.bodyDigest === bodyDigest };
      }
      const entry: Entry = { firstUsedAt: at, bodyDigest, reply: undefined };
      entries.set(id, entry);
      return {
        kind: 'first',
        complete(reply) {
          entry.reply = reply;
        },
        abandon() {
          // A reset or a newer first use may have replaced the entry meanwhile; leave theirs alone.
          if (entries.get(id) === entry) entries.delete(id);
        },
      };
    },
    clear() {
      entries.clear();
    },
  };
}
