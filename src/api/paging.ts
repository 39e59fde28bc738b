import { z } from 'zod';

/** `limit` and `cursor` of a list in ID order; the answer's `nextCursor` fetches the next page. */
export const pageQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  cursor: z.string().min(1).optional().describe("the previous page's nextCursor"),
});

/**
 * One page of `items` (sorted here by `key`) after `cursor`. Merchants, carts and schedules are few, so they are
 * paged in memory over the stores' full lists rather than in SQL.
 */
export function page<T>(
  items: T[],
  key: (item: T) => string,
  { limit, cursor }: z.infer<typeof pageQuery>,
): { items: T[]; nextCursor?: string } {
  const after = items
    .filter((item) => cursor === undefined || key(item) > cursor)
    .sort((a, b) => (key(a) < key(b) ? -1 : 1));
  const shown = after.slice(0, limit);
  return after.length > limit ? { items: shown, nextCursor: key(shown.at(-1)!) } : { items: shown };
}
