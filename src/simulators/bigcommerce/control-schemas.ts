import { z } from 'zod';
import { faultFields } from '../shared/fault-input';
import { addressSchema, rfc2822 } from './state';

// Bodies of the /__sim/ control API (ours, not BigCommerce's). The typed in-process control takes the same shapes.

const storeRef = z.string().min(1);

export const storeSchema = z.object({
  /** The store hash in `/stores/<hash>`; default `store1`, `store2`, ... */
  hash: z
    .string()
    .regex(/^[a-z0-9]+$/)
    .optional(),
  name: z.string().min(1).default('Demo Store'),
  access_token: z.string().min(1).optional(),
  /** The request quota per window (Standard plan: 150 per 30 s). */
  quota: z.number().int().positive().default(150),
  window_ms: z.number().int().positive().default(30_000),
  /** Inventory location IDs; 1 is the default location every store has. */
  locations: z.array(z.number().int().positive()).min(1).default([1]),
});
export type StoreInput = z.input<typeof storeSchema>;

/** A date as RFC 2822 or ISO 8601, kept in BigCommerce's RFC 2822. */
const date = z
  .string()
  .refine((value) => !Number.isNaN(Date.parse(value)), 'must be a date')
  .transform((value) => rfc2822(new Date(value)));

/** What a test may set on a generated order; everything else gets a plausible default. */
export const orderOverridesSchema = z
  .object({
    status_id: z.number().int().min(0).max(14),
    date_created: date,
    date_modified: date,
    customer_message: z.string(),
    shipping_method: z.string(),
    shipping_address: addressSchema.partial(),
    products: z.array(z.object({ sku: z.string(), quantity: z.number().int(), name: z.string().optional() })).min(1),
  })
  .partial();

/** Ways a generated order can be broken, each the kind of data real stores produce. */
export const MALFORMATIONS = [
  'missing_zip',
  'bad_quantity',
  'no_sku',
  'no_shipping_method',
  'bad_country',
  'two_addresses',
] as const;
export type Malformation = (typeof MALFORMATIONS)[number];

export const orderSchema = z.object({
  store: storeRef,
  order: orderOverridesSchema.optional(),
  malformed: z.enum(MALFORMATIONS).optional(),
});
export type OrderInput = z.input<typeof orderSchema>;

export const productSchema = z.object({
  store: storeRef,
  sku: z.string().min(1),
  /** Stock at each location, `{"1": 12}`; locations left out keep theirs (0 for a new product). */
  stock: z.record(z.string().regex(/^\d+$/), z.number().int().min(0)).default({}),
  name: z.string().min(1).optional(),
});
export type ProductInput = z.input<typeof productSchema>;

export const storeQuerySchema = z.object({ store: storeRef });

export const FAULT_KINDS = ['latency', 'server_error', 'rate_limit', 'reset', 'malformed'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export const faultSchema = z.object({
  /** `"METHOD /pattern"` below the store (`"GET /v2/orders"`, `"POST /v2/orders/:order_id/shipments"`), or `"*"`. */
  route: z.string().min(1).default('*'),
  ...faultFields(FAULT_KINDS),
});
export type FaultInput = z.input<typeof faultSchema>;
