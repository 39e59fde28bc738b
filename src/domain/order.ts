import { z } from 'zod';
import { plainErrors, problemsFromIssues, type FieldProblem } from './problems';

export { describeProblems, type FieldProblem } from './problems';

/** Merchant and cart IDs: lowercase slugs, so they never contain the `:` that separates workflow ID parts. */
export const SLUG = /^[a-z0-9][a-z0-9-]{0,62}$/;

const slug = z.string().regex(SLUG, 'must be a lowercase slug: a-z, 0-9 and -, at most 63 characters');
const optionalText = z.string().trim().optional();

/** A postal address as EasyPost needs it; carts that send "" for an absent optional field should send undefined. */
export const addressSchema = z.object({
  name: z.string().trim().min(1),
  company: optionalText,
  street1: z.string().trim().min(1),
  street2: optionalText,
  city: z.string().trim().min(1),
  state: optionalText,
  zip: z.string().trim().min(1),
  // ISO 3166-1 alpha-2; upper-cased first because some carts send "us".
  country: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, 'must be a two-letter ISO country code, e.g. US'),
  phone: optionalText,
  email: z.string().trim().pipe(z.email('must be an email address')).optional(),
  residential: z.boolean().optional(),
});

/** One line of a cart order, still in the cart's SKUs. */
export const orderLineSchema = z.object({
  lineId: z.string().min(1),
  sku: z.string().trim().min(1),
  quantity: z.number().int().positive(),
  title: z.string().optional(),
});

/** The normalised cart order: what every cart adapter produces and what an order workflow receives. */
export const cartOrderSchema = z.object({
  merchantId: slug,
  cartId: slug,
  /** The cart's immutable order ID (part of the workflow ID). */
  cartOrderId: z.string().min(1),
  /** What the buyer sees, e.g. "#1001". */
  cartOrderNumber: z.string().min(1),
  // Offsets allowed: carts report local times such as 2027-03-14T01:30:00-08:00.
  placedAt: z.iso.datetime({ offset: true }),
  shipTo: addressSchema,
  lines: z.array(orderLineSchema).min(1),
  /** The cart's shipping method code or title, mapped to an EasyPost service by `mapShipMethod`. */
  shipMethod: z.string().min(1),
  note: z.string().optional(),
});

/** A postal address (see `addressSchema`). */
export type Address = z.infer<typeof addressSchema>;
/** One cart order line (see `orderLineSchema`). */
export type OrderLine = z.infer<typeof orderLineSchema>;
/** A normalised cart order (see `cartOrderSchema`). */
export type CartOrder = z.infer<typeof cartOrderSchema>;

/** What every cart order has even when the rest is malformed: enough to track it, name it and find it. */
export type OrderIdentity = Pick<CartOrder, 'merchantId' | 'cartId' | 'cartOrderId' | 'cartOrderNumber'>;

/**
 * A cart order as the cart adapter shaped it, not yet validated: a malformed order travels as a draft, so it is
 * never dropped; the order workflow validates it and holds it in `error`, naming the fields, until it is fixed.
 */
export type OrderDraft = OrderIdentity & Record<string, unknown>;

/** Validates and normalises (trims) a cart order; problems name each bad field. */
export function parseCartOrder(
  input: unknown,
): { ok: true; order: CartOrder } | { ok: false; problems: FieldProblem[] } {
  const result = cartOrderSchema.safeParse(input, { error: plainErrors });
  return result.success
    ? { ok: true, order: result.data }
    : { ok: false, problems: problemsFromIssues(result.error.issues) };
}

/**
 * The order workflow's ID, `order:<cartId>:<cartOrderId>`. Readable rather than hashed so operators can find it.
 * Injective: cart IDs are slugs without `:`, so the first `:` after `order:` ends the cart ID and the rest,
 * colons and spaces included, is the cart order ID.
 */
export function orderWorkflowId(cartId: string, cartOrderId: string): string {
  if (!SLUG.test(cartId)) throw new RangeError(`cart ID "${cartId}" is not a slug (a-z, 0-9, -)`);
  return `order:${cartId}:${cartOrderId}`;
}

const ORDER_WORKFLOW_ID = new RegExp(`^order:(${SLUG.source.slice(1, -1)}):(.*)$`, 's');

/** The cart and cart order an order workflow's ID names (`orderWorkflowId` read back), or undefined for another ID. */
export function parseOrderWorkflowId(workflowId: string): { cartId: string; cartOrderId: string } | undefined {
  const [, cartId, cartOrderId] = ORDER_WORKFLOW_ID.exec(workflowId) ?? [];
  return cartId === undefined || cartOrderId === undefined ? undefined : { cartId, cartOrderId };
}
