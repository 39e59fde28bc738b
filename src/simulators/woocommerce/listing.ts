import { z } from 'zod';
import { invalidParams } from './errors';
import { parseParams } from './validation';

const MAX_PER_PAGE = 100;

// WordPress accepts an array parameter as `a,b`, as repeated `key[]=`, or as one value.
const list = z.preprocess(
  (value) => (typeof value === 'string' ? value.split(',') : value),
  z.array(z.string().trim().min(1)),
);
const dateTime = z.string().refine((value) => !Number.isNaN(Date.parse(value)), 'must be an ISO 8601 date');

/** The collection parameters WordPress and WooCommerce share (docs/woocommerce-api.md §2). */
const pagingSchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  per_page: z.coerce.number().int().default(10),
  order: z.enum(['asc', 'desc']).default('desc'),
  orderby: z.enum(['date', 'id', 'include', 'title', 'slug', 'modified']).default('date'),
  modified_after: dateTime.optional(),
  modified_before: dateTime.optional(),
  dates_are_gmt: z.enum(['true', 'false', '1', '0']).optional(),
});

export const orderQuerySchema = pagingSchema.extend({ status: list.default(['any']) });
export const productQuerySchema = pagingSchema.extend({ sku: z.string().optional() });
export const webhookQuerySchema = pagingSchema.extend({
  status: z.enum(['all', 'active', 'paused', 'disabled']).default('all'),
});

/**
 * Query parameters as PHP reads them: `status[]` folded into `status`, and a name repeated without `[]` keeping its
 * last value (the official JS client sends its parameters twice over http://).
 */
export function parseQuery<S extends typeof pagingSchema>(schema: S, query: unknown): z.output<S> {
  const raw = { ...(query as Record<string, unknown>) };
  for (const key of Object.keys(raw)) {
    if (key.endsWith('[]')) raw[key.slice(0, -2)] = raw[key];
    else if (Array.isArray(raw[key])) raw[key] = raw[key].at(-1);
  }
  const parsed = parseParams(schema, raw);
  if (parsed.per_page < 1 || parsed.per_page > MAX_PER_PAGE) {
    throw invalidParams({ per_page: `per_page must be between 1 (inclusive) and ${MAX_PER_PAGE} (inclusive)` });
  }
  return parsed;
}

interface Dated {
  id: number;
  date_created_gmt?: string;
  date_modified_gmt: string;
}

// MySQL compares DATETIME to the second, and WP_Date_Query's `after`/`before` are strict.
const seconds = (value: string) =>
  Math.floor(Date.parse(value.endsWith('Z') || /[+-]\d\d:?\d\d$/.test(value) ? value : `${value}Z`) / 1000);

/** Filters by modified date, sorts (ties by ID) and slices one page; the totals feed the X-WP-* headers. */
export function page<T extends Dated>(
  items: T[],
  query: z.output<typeof pagingSchema>,
): { items: T[]; total: number; totalPages: number } {
  const after = query.modified_after === undefined ? undefined : seconds(query.modified_after);
  const before = query.modified_before === undefined ? undefined : seconds(query.modified_before);
  const key = (item: T) =>
    query.orderby === 'modified'
      ? item.date_modified_gmt
      : query.orderby === 'date'
        ? (item.date_created_gmt ?? '')
        : '';
  const sorted = items
    .filter((item) => after === undefined || seconds(item.date_modified_gmt) > after)
    .filter((item) => before === undefined || seconds(item.date_modified_gmt) < before)
    .sort((a, b) => key(a).localeCompare(key(b)) || a.id - b.id);
  if (query.order === 'desc') sorted.reverse();
  const start = (query.page - 1) * query.per_page;
  return {
    items: sorted.slice(start, start + query.per_page),
    total: sorted.length,
    totalPages: Math.ceil(sorted.length / query.per_page),
  };
}
