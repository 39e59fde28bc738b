import { z } from 'zod';
import { faultFields } from '../shared/fault-input';

// Bodies of the /__sim/ control API (ours, not WooCommerce's). The typed in-process control takes the same shapes.

const siteRef = z.string().min(1);

export const siteSchema = z.object({
  /** Path segment of the store (`/sites/<id>`); default `site1`, `site2`, ... */
  id: z
    .string()
    .regex(/^[a-z0-9-]+$/)
    .optional(),
  name: z.string().min(1).default('Demo Store'),
  /** Whether the Shipment Tracking extension is installed: without it its routes answer 404 rest_no_route. */
  shipment_tracking: z.boolean().default(false),
  consumer_key: z.string().min(1).optional(),
  consumer_secret: z.string().min(1).optional(),
});
export type SiteInput = z.input<typeof siteSchema>;

const address = z
  .object({
    first_name: z.string(),
    last_name: z.string(),
    company: z.string(),
    address_1: z.string(),
    address_2: z.string(),
    city: z.string(),
    state: z.string(),
    postcode: z.string(),
    country: z.string(),
    phone: z.string(),
    email: z.string(),
  })
  .partial();

/** What a test may set on a generated order; everything else gets a plausible default. */
export const orderOverridesSchema = z
  .object({
    number: z.string().min(1),
    status: z.string().min(1),
    date_created_gmt: z.string().regex(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/),
    date_modified_gmt: z.string().regex(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/),
    customer_note: z.string(),
    shipping: address,
    billing: address,
    line_items: z
      .array(z.object({ sku: z.string().nullable(), quantity: z.number().int(), name: z.string().optional() }))
      .min(1),
    shipping_lines: z.array(z.object({ method_id: z.string(), method_title: z.string() })),
    meta_data: z.array(z.object({ key: z.string(), value: z.unknown() })),
  })
  .partial();

/** Ways a generated order can be broken, each the kind of data real stores produce. */
export const MALFORMATIONS = [
  'missing_postcode',
  'bad_quantity',
  'no_sku',
  'no_shipping_method',
  'bad_country',
] as const;
export type Malformation = (typeof MALFORMATIONS)[number];

export const orderSchema = z.object({
  site: siteRef,
  order: orderOverridesSchema.optional(),
  malformed: z.enum(MALFORMATIONS).optional(),
});
export type OrderInput = z.input<typeof orderSchema>;

export const productSchema = z.object({
  site: siteRef,
  sku: z.string().min(1),
  stock: z.number().int().nullable(),
  name: z.string().min(1).optional(),
});
export type ProductInput = z.input<typeof productSchema>;

export const siteQuerySchema = z.object({ site: siteRef });
export const deliveryOutageSchema = z.object({ site: siteRef, down: z.boolean() });

export const FAULT_KINDS = ['latency', 'server_error', 'rate_limit', 'reset', 'malformed'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export const faultSchema = z.object({
  /** `"METHOD /pattern"` relative to the namespace (`"PUT /orders/:id"`, `"POST /products/batch"`), or `"*"`. */
  route: z.string().min(1).default('*'),
  ...faultFields(FAULT_KINDS),
});
export type FaultInput = z.input<typeof faultSchema>;
