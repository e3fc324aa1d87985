import type { IpcError } from '../../shared/ipc/index.ts';

/**
 * Main's per-field problems as field → message, to show each next to its field. The bridge has
 * already put each message in the person's language (renderer/i18n/field-messages.ts).
 */
export function fieldMessages(error: IpcError): Partial<Record<string, string>> {
  const fields = error.details?.fields ?? {};
  return Object.fromEntries(Object.entries(fields).map(([field, problem]) => [field, problem.message]));
}

/**
 * Shows main's refusal on a form: each field problem next to its field, and the message at the
 * top only when no field was named (else it would repeat what the fields already say).
 */
export function showRefusal(
  error: IpcError,
  setErrors: (messages: Partial<Record<string, string>>) => void,
  setFailure: (message: string | null) => void,
): void {
  const messages = fieldMessages(error);
  setErrors(messages);
  setFailure(Object.keys(messages).length === 0 ? error.message : null);
}
