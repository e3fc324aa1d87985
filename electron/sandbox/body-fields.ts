// Helpers for reading Toss request bodies. Unknown fields are ignored, never rejected (§3.3), and an
// explicit null counts as absent, because real clients send nulls for fields they do not use (Q1).

export type JsonObject = Readonly<Record<string, unknown>>;

export function parseJsonObject(raw: Buffer): JsonObject | undefined {
  let value: unknown;
  try {
    value = JSON.parse(raw.toString('utf8'));
  } catch {
    return undefined;
  }
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as JsonObject)
    : undefined;
}

/** The field's value, with null and a missing key both reported as undefined. */
export function field(body: JsonObject, name: string): unknown {
  const value = Object.hasOwn(body, name) ? body[name] : undefined;
  return value === null ? undefined : value;
}

/** A JSON number that is a whole number of won. */
export function isWholeNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value);
}

export function isOptionalString(value: unknown, maxLength: number): boolean {
  return value === undefined || (typeof value === 'string' && value.length <= maxLength);
}

// C1's pattern (§3.1) with its unescaped dot fixed.
const EMAIL = /^[A-Za-z0-9_.+-]+@[A-Za-z0-9-]+\.[A-Za-z0-9.-]+$/;

/** customerEmail is optional, at most 100 chars, and must look like an address (§3.1, §3.3). */
export function isValidOptionalEmail(value: unknown): boolean {
  return value === undefined || (typeof value === 'string' && value.length <= 100 && EMAIL.test(value));
}
