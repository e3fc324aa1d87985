// §11: the test environment is reported to allow about 100 requests per minute per API. When the
// switch is on, each merchant's requests to each route are counted over a sliding minute of the
// injected clock; one more is answered 429 TOO_MANY_REQUESTS and is not counted.

const WINDOW_MS = 60_000;

export type RateDecision = { readonly ok: true } | { readonly ok: false; readonly retryAfterSeconds: number };

export interface RateLimiter {
  take(bucket: string, perMinute: number): RateDecision;
  clear(): void;
}

export function createRateLimiter(now: () => Date): RateLimiter {
  const seen = new Map<string, number[]>();
  return {
    take(bucket, perMinute) {
      const at = now().getTime();
      const recent = (seen.get(bucket) ?? []).filter((time) => at - time < WINDOW_MS && time <= at);
      if (recent.length >= perMinute) {
        seen.set(bucket, recent);
        const oldest = recent[0] ?? at;
        return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((oldest + WINDOW_MS - at) / 1000)) };
      }
      recent.push(at);
      seen.set(bucket, recent);
      return { ok: true };
    },
    clear() {
      seen.clear();
    },
  };
}
