// PostgreSQL stores neither U+0000 (in text or jsonb) nor a lone UTF-16 surrogate (in jsonb):
// a change holding one would fail its whole transaction. The server refuses such a change alone,
// naming where the character is, and writes the rest of the push.

/** NUL, or a high surrogate not followed by a low one, or a low one not preceded by a high one. */
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The path (as "a.b[2].c") of the first string in `value` the database cannot store, if any. */
export function unstorableTextAt(value: unknown, path = ''): string | undefined {
  if (typeof value === 'string') return UNSTORABLE.test(value) ? path || '(value)' : undefined;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = unstorableTextAt(item, `${path}[${index}]`);
      if (found) return found;
    }
    return undefined;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = unstorableTextAt(key, path ? `${path}.${key}` : key) ?? unstorableTextAt(item, path ? `${path}.${key}` : key);
      if (found) return found;
    }
  }
  return undefined;
}

export function unstorableReason(path: string): string {
  return `${path} holds a character the team server cannot store (a NUL or a broken surrogate); remove it and save again`;
}
