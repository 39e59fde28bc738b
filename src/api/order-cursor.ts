import { z } from 'zod';
import type { OrderListPosition } from '../db/orders';

// The position is opaque to callers: base64url JSON, so its form can change without changing the API. A cursor
// someone edited is still read only within what PostgreSQL takes: a timestamp in range, keys without NUL.
const keySchema = z
  .string()
  .min(1)
  .max(1000)
  .regex(/^[^\0]*$/);
const positionSchema = z.tuple([z.string().regex(/^-?\d{1,17}$/), keySchema, keySchema]);

/** GET /orders' `nextCursor` for the page after `position`. */
export function orderCursor(position: OrderListPosition): string {
  const { updatedMicros, cartId, cartOrderId } = position;
  return Buffer.from(JSON.stringify([updatedMicros, cartId, cartOrderId])).toString('base64url');
}

/** GET /orders' `cursor`: a `nextCursor` it answered, read back into the position (a 400 when it is not one). */
export const orderCursorSchema = z
  .string()
  .min(1)
  .transform((cursor, ctx): OrderListPosition => {
    let decoded: unknown;
    try {
      decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    } catch {
      decoded = undefined;
    }
    const parsed = positionSchema.safeParse(decoded);
    if (!parsed.success) {
      ctx.addIssue({ code: 'custom', message: "not a cursor of GET /orders: pass the previous page's nextCursor" });
      return z.NEVER;
    }
    const [updatedMicros, cartId, cartOrderId] = parsed.data;
    return { updatedMicros, cartId, cartOrderId };
  })
  .describe("the previous page's nextCursor");
