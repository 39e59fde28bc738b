import { z } from 'zod';
import { faultFields } from '../shared/fault-input';

// Bodies of the /__sim/ control API (ours, not Shopify's). The typed in-process control takes the same shapes.

const shopRef = z.string().min(1);

export const shopSchema = z.object({
  /** The shop's path segment: `<url>/shops/<id>`; default `shop-<n>`. */
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]*$/)
    .optional(),
  name: z.string().min(1).optional(),
  access_token: z.string().min(1).optional(),
  /** The app's client secret, which signs the fulfillment service's callbacks; default: a random one. */
  client_secret: z.string().min(1).optional(),
  /** The throttle bucket; Shopify's standard plan by default (docs/shopify-api.md §Rate limits). */
  bucket: z
    .object({
      maximum_available: z.number().positive().default(1000),
      restore_rate: z.number().positive().default(50),
    })
    .default({ maximum_available: 1000, restore_rate: 50 }),
});
export type ShopInput = z.input<typeof shopSchema>;

const address = z
  .object({
    first_name: z.string(),
    last_name: z.string(),
    company: z.string(),
    address1: z.string(),
    address2: z.string(),
    city: z.string(),
    province: z.string(),
    province_code: z.string(),
    zip: z.string(),
    country_code: z.string(),
    phone: z.string(),
  })
  .partial();
export type AddressInput = z.input<typeof address>;

export const MALFORMATIONS = ['missing_address', 'bad_quantity', 'no_sku'] as const;
export type Malformation = (typeof MALFORMATIONS)[number];

/**
 * Why a new order's fulfillment order is not requested yet: the merchant has not submitted it, it is on hold (fraud
 * check, payment, a flow), or it is scheduled (prepaid subscriptions). `POST /__sim/fulfillment-orders/:id/request`
 * requests it later.
 */
export const UNREQUESTED = ['unsubmitted', 'on_hold', 'scheduled'] as const;
export type Unrequested = (typeof UNREQUESTED)[number];

export const orderSchema = z.object({
  shop: shopRef,
  order: z
    .object({
      name: z.string().min(1).optional(),
      email: z.string().optional(),
      created_at: z.iso.datetime({ offset: true }).optional(),
      note: z.string().optional(),
      /** Replaces the default address field by field. */
      shipping_address: address.optional(),
      shipping_line: z.object({ title: z.string().min(1), code: z.string().optional() }).optional(),
      lines: z
        .array(
          z.object({ sku: z.string().min(1), quantity: z.number().int().positive(), title: z.string().optional() }),
        )
        .min(1)
        .optional(),
    })
    .default({}),
  /** Breaks the order on purpose, the way real shops sometimes do. */
  malformed: z.enum(MALFORMATIONS).optional(),
  /** Leaves the fulfillment order unrequested for now; default: requested at once. */
  unrequested: z.enum(UNREQUESTED).optional(),
});
export type OrderInput = z.input<typeof orderSchema>;

export const requestSchema = z.object({ message: z.string().optional() }).default({});
export type RequestInput = z.input<typeof requestSchema>;

export const cancelSchema = z.object({ reason: z.string().optional() }).default({});
export type CancelInput = z.input<typeof cancelSchema>;

export const inventoryItemsSchema = z.object({ shop: shopRef, skus: z.array(z.string().min(1)).min(1) });
export type InventoryItemsInput = z.input<typeof inventoryItemsSchema>;

export const shopQuerySchema = z.object({ shop: shopRef });

/** Faults drawn per Admin API request. */
export const FAULT_KINDS = ['latency', 'server_error', 'rate_limit', 'reset', 'throttle'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

/** The fault drawn per new order: its fulfillment request comes late (late-requests.ts). */
export const LATE_REQUEST = 'late_request';

const callFaultSchema = z.object({
  /** A GraphQL operation name (`"AssignedFulfillmentOrders"`) or `"*"` for every API request. */
  operation: z.string().min(1).default('*'),
  ...faultFields(FAULT_KINDS),
});

const { rate, times, seed } = faultFields(FAULT_KINDS);
const lateRequestSchema = z
  .object({
    kind: z.literal(LATE_REQUEST),
    rate,
    times,
    seed,
    /** Requested once this many listings of requested fulfillment orders have gone by without it. */
    after_listings: z.number().int().positive().optional(),
    /** Requested this many seconds after the order was placed. */
    after_s: z.number().positive().optional(),
  })
  // Without either, the order is requested right after the next listing: the pull that follows must find it.
  .transform((input) => ({
    ...input,
    after_listings: input.after_listings ?? (input.after_s === undefined ? 1 : undefined),
  }));
export type LateRequestInput = z.output<typeof lateRequestSchema>;

/** Faults drawn per fulfillment-service callback: it is never sent, or sent `latency_ms` late. */
export const NOTIFICATION_FAULT_KINDS = ['notification_lost', 'notification_delay'] as const;
const notificationFaultSchema = z.object({
  kind: z.enum(NOTIFICATION_FAULT_KINDS),
  rate,
  times,
  seed,
  latency_ms: z.number().int().nonnegative().default(1000),
});
export type NotificationFaultInput = z.output<typeof notificationFaultSchema>;

export const faultSchema = z.discriminatedUnion('kind', [lateRequestSchema, notificationFaultSchema, callFaultSchema]);
export type FaultInput = z.input<typeof faultSchema>;
