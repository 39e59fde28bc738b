/** Default page size: the doc's client loop uses 100 (max 500), doc §2. */
export const PAGE_SIZE = 100;

/** Yields every item of a 0-based paged list; a page shorter than `perPage` is the last (there is no cursor, doc §2). */
export async function* paginate<T>(fetchPage: (page: number) => Promise<T[]>, perPage: number): AsyncGenerator<T> {
  for (let page = 0; ; page += 1) {
    const items = await fetchPage(page);
    yield* items;
    if (items.length < perPage) return;
  }
}
