import type { IpcError } from '../../shared/ipc/index.ts';

/** Main's per-field problems as field → Korean message, to show each next to its field. */
export function fieldMessages(error: IpcError): Partial<Record<string, string>> {
  const fields = error.details?.fields ?? {};
  return Object.fromEntries(Object.entries(fields).map(([field, problem]) => [field, problem.message]));
}
