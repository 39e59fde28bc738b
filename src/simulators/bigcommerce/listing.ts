import { z } from 'zod';
import { BcError } from './errors';
import { parseParams } from './validation';

/** V2's default and largest `limit`. */
const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 250;

const date = z.string().refine((value) => !Number.isNaN(Date.parse(value)), 'must be an RFC 2822 or ISO 8601 date');
const SORTABLE = ['id', 'customer_id', 'date_created', 'date_modified', 'status_id'] as const;

const pagingSchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  limit: z.coerce.number().int().min(1).default(DEFAULT_LIMIT),
});

/** `GET /v2/orders` parameters epf and the tests use (docs/bigcommerce-api.md §3). */
export const orderQuerySchema = pagingSchema.extend({
  status_id: z.coerce.number().int().optional(),
  min_date_created: date.optional(),
  min_date_modified: date.optional(),
  max_date_modified: date.optional(),
  sort: z
    .string()
    .regex(
      new RegExp(`^(${SORTABLE.join('|')})(:(asc|desc))?$`),
      `must be one of ${SORTABLE.join(', ')}, :asc or :desc`,
    )
    .default('id:asc'),
});
export type OrderQuery = z.output<typeof orderQuerySchema>;

export function parseV2Query<S extends typeof pagingSchema>(schema: S, query: unknown): z.output<S> {
  const parsed = parseParams(schema, query, 'v2');
  if (parsed.limit > MAX_LIMIT) throw new BcError(400, `The limit must be between 1 and ${MAX_LIMIT}.`, 'v2');
  return parsed;
}

export const pageQuerySchema = pagingSchema;

/** One page of `items`; V2 answers 204 No Content for an empty page, so undefined means "nothing". */
export function pageOf<T>(items: T[], query: { page: number; limit: number }): T[] | undefined {
  const slice = items.slice((query.page - 1) * query.limit, query.page * query.limit);
  return slice.length > 0 ? slice : undefined;
}

// Dates compare to the second, as MySQL DATETIME does; the `min_` bounds are inclusive (assumed).
export const seconds = (value: string) => Math.floor(Date.parse(value) / 1000);
