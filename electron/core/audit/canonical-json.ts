export type JsonValue = null | boolean | number | string | readonly JsonValue[] | JsonObject;
export interface JsonObject {
  readonly [key: string]: JsonValue | undefined;
}

/**
 * Canonical JSON, the text the audit hashes are computed over: JSON.stringify's encoding of
 * strings and numbers, object keys sorted by UTF-16 code units, no whitespace, and keys whose
 * value is undefined left out (as JSON.stringify does). For the values allowed here this is
 * RFC 8785 (JCS), so the same content always gives the same bytes and the same hash.
 * NaN, Infinity and anything that is not plain data (Dates, Maps, class instances) are refused,
 * because they have no single JSON form.
 */
export function canonicalJson(value: JsonValue): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`Canonical JSON has no form for ${value}`);
    return JSON.stringify(value);
  }
  // Built by appending rather than through arrays and join(): every audit row makes this text
  // (a due run, two per charge), and the arrays were most of what it allocated.
  if (Array.isArray(value)) {
    let text = '[';
    for (let i = 0; i < value.length; i++)
      text += (i === 0 ? '' : ',') + canonicalJson(value[i] as JsonValue);
    return `${text}]`;
  }
  if (!isPlainObject(value)) throw new TypeError('Canonical JSON takes plain objects only');
  let text = '{';
  for (const key of Object.keys(value).sort()) {
    const member = value[key];
    if (member !== undefined)
      text += `${text.length === 1 ? '' : ','}${JSON.stringify(key)}:${canonicalJson(member)}`;
  }
  return `${text}}`;
}

function isPlainObject(value: object): value is JsonObject {
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}
