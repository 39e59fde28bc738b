import { pagingSchema } from './schemas';
import { parseInput } from './validation';

const DEFAULT_SIZE = 30;
const MAX_SIZE = 500;

/** One page of `items` per docs §2: 0-based `page`, size `per_page ?? limit ?? 30` (≤ 500), `offset` wins over `page`. */
export function paginate<T>(items: readonly T[], query: unknown): T[] {
  const paging = parseInput(pagingSchema, query, undefined, 'REQUEST.QUERY.INVALID');
  const size = Math.min(paging.per_page ?? paging.limit ?? DEFAULT_SIZE, MAX_SIZE);
  const start = paging.offset ?? (paging.page ?? 0) * size;
  return items.slice(start, start + size);
}
