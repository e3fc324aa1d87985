import { z } from 'zod';
import { type FieldCode, isFieldCode } from './field-codes.ts';

/*
 * Every answer travels as data: Electron would forward only a thrown error's message, and the
 * screens need the code and the per-field problems to put each message next to its field.
 */

export const fieldProblemSchema = z.object({
  /** One of the closed list (field-codes.ts): the renderer words it in the person's language. */
  code: z.custom<FieldCode>((value) => typeof value === 'string' && isFieldCode(value)),
  /** Korean, the core's own words, for logs, the CLI and a Korean screen. */
  message: z.string(),
  /** The values the message names (a limit, an amount), for the renderer's own words. */
  params: z.record(z.string(), z.number()).optional(),
});

export const ipcErrorSchema = z.object({
  /** Stable, for code: 'INVALID_REQUEST', 'SIGN_IN_REQUIRED', 'FORBIDDEN', or the core's own codes. */
  code: z.string(),
  /** Korean, for people. Never holds card data or keys. */
  message: z.string(),
  details: z
    .object({
      fields: z.record(z.string(), fieldProblemSchema).optional(),
      tossCode: z.string().optional(),
      /** For INVALID_REQUEST: where the payload broke the contract (paths, never the values). */
      issues: z.array(z.object({ path: z.string(), code: z.string() })).optional(),
    })
    .optional(),
});
export type IpcError = z.infer<typeof ipcErrorSchema>;

export type IpcResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: IpcError };

/** Codes of errors made by the IPC layer itself (the core adds its own). */
export const IPC_ERROR_CODES = {
  invalidRequest: 'INVALID_REQUEST',
  signInRequired: 'SIGN_IN_REQUIRED',
  forbidden: 'FORBIDDEN',
  internal: 'INTERNAL',
} as const;
