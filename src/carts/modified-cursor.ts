import { z } from 'zod';

/**
 * Where a pull by modified date resumes, for carts that list orders changed after a date (WooCommerce's
 * `modified_after`, BigCommerce's `min_date_modified`; docs/woocommerce-api.md §7). `since` is the newest modified date
 * delivered (whole seconds, UTC), `seen` the orders already delivered at exactly that second, each with the status it
 * was delivered in (`id:status`), `page` the page of the window `modified >= since` to read next. Such filters may be
 * strict and count whole seconds, so epf asks for `since - 1s` and drops what `seen` holds: orders modified in the same
 * second are neither lost nor repeated, and an order that changes status within the second it was delivered in (paid,
 * or cancelled, moments after it was placed) is delivered again in its new status.
 */
export interface ModifiedCursor {
  since: string;
  seen: string[];
  page: number;
}

/** An order as a listing shows it: only its id, last change and status matter to the cursor. */
export interface ListedOrder {
  id: number;
  modified: string;
  status: string | number;
}

const cursorSchema = z.object({
  since: z.iso.datetime(),
  seen: z.array(z.string()),
  page: z.number().int().positive(),
});

// A cursor stored before `seen` (ids only) reads its second again: an order delivered twice starts no second workflow.
const idsOnlyCursorSchema = z
  .object({ since: z.iso.datetime(), ids: z.array(z.number().int()), page: z.number().int().positive() })
  .transform(({ since, page }): ModifiedCursor => ({ since, seen: [], page }));

const seenKey = (order: ListedOrder) => `${order.id}:${order.status}`;
const toSecond = (iso: string) => Math.floor(Date.parse(iso) / 1000);
const fromSecond = (second: number) => new Date(second * 1000).toISOString().replace('.000Z', 'Z');

/** The stored cursor, or a fresh one at `start` when there is none yet. */
export function decodeCursor(cursor: string | undefined, start: string): ModifiedCursor {
  if (cursor === undefined || cursor === '') return { since: fromSecond(toSecond(start)), seen: [], page: 1 };
  const json: unknown = JSON.parse(cursor);
  return idsOnlyCursorSchema.safeParse(json).data ?? cursorSchema.parse(json);
}

export function encodeCursor(cursor: ModifiedCursor): string {
  return JSON.stringify(cursor);
}

/** The date to list after: one second before `since`, UTC without a zone (WooCommerce's `modified_after` with `dates_are_gmt=true`). */
export function modifiedAfter(cursor: ModifiedCursor): string {
  return fromSecond(toSecond(cursor.since) - 1).slice(0, 19);
}

/** An order epf has not delivered yet, in this status, under this cursor. */
export function isNew(cursor: ModifiedCursor, order: ListedOrder): boolean {
  const second = toSecond(order.modified);
  const since = toSecond(cursor.since);
  return second > since || (second === since && !cursor.seen.includes(seenKey(order)));
}

/**
 * The cursor after delivering one page (`listed`, sorted by modified date ascending). A page that reaches past
 * `since` moves the window there; a page entirely at `since` (more orders in one second than fit a page) reads the
 * next page of the same window, and the last page of a window starts over at page 1, where `seen` skips what is done.
 */
export function advance(cursor: ModifiedCursor, listed: ListedOrder[], lastPage: boolean): ModifiedCursor {
  const newest = Math.max(toSecond(cursor.since), ...listed.map((order) => toSecond(order.modified)));
  if (newest > toSecond(cursor.since)) {
    const seen = listed.filter((order) => toSecond(order.modified) === newest).map(seenKey);
    return { since: fromSecond(newest), seen, page: 1 };
  }
  const seen = [...new Set([...cursor.seen, ...listed.map(seenKey)])];
  return { since: cursor.since, seen, page: lastPage ? 1 : cursor.page + 1 };
}

/**
 * The cursor after delivering only the first orders of a page (`done`, in listing order, at least one): the next call
 * resumes at the first order not delivered. Moving past `since` starts the new window at page 1; within the same
 * second the page is read again, and `seen` skips what is done.
 */
export function resumeAfter(cursor: ModifiedCursor, done: ListedOrder[]): ModifiedCursor {
  const next = advance(cursor, done, true);
  return next.since === cursor.since ? { ...next, page: cursor.page } : next;
}
