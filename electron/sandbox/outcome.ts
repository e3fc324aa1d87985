import type { ErrorCode } from './errors.ts';

/**
 * What an endpoint decides, before it is rendered: the language of an error message is the
 * caller's business, not the endpoint's.
 */
export type Outcome =
  | { readonly kind: 'json'; readonly value: unknown }
  | { readonly kind: 'empty' }
  | { readonly kind: 'error'; readonly code: ErrorCode };

export const success = (value: unknown): Outcome => ({ kind: 'json', value });
export const emptySuccess = (): Outcome => ({ kind: 'empty' });
export const failure = (code: ErrorCode): Outcome => ({ kind: 'error', code });
