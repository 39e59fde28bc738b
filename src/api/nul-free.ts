import { fieldPath } from '../domain/problems';

/**
 * The path (`lines[0].sku`; '' for the value itself) of the first string, key or value, in `value` that holds a NUL
 * character, or undefined. PostgreSQL text and jsonb cannot store NUL, so such a value fails deep in a query as a
 * 500; found first, it is a 400 naming the field.
 */
export function nulField(value: unknown, path: PropertyKey[] = []): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? fieldPath(path) : undefined;
  if (typeof value !== 'object' || value === null) return undefined;
  for (const [key, item] of Object.entries(value)) {
    const at = [...path, Array.isArray(value) ? Number(key) : key];
    if (key.includes('\u0000')) return fieldPath(at);
    const found = nulField(item, at);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** What to say about it. */
export const NUL_MESSAGE = 'must not contain NUL characters (\\u0000)';
