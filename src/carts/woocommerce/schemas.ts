import { z } from 'zod';
import { gmt } from './normalise';

// What epf reads from wc/v3 answers. Lenient on purpose: a field the store left out or typed oddly must become a
// named problem on the order (normalise.ts), never a failed pull, so everything but the order's identity is loose.

const text = z.string().nullish().catch(undefined);

// The shape WooCommerce sends: Date.parse alone also reads "100" as the year 100.
const GMT_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d\d:?\d\d)?$/;
const isGmtDate = (value: string) => GMT_DATE.test(value) && !Number.isNaN(Date.parse(gmt(value)));

const addressSchema = z
  .object({
    first_name: text,
    last_name: text,
    company: text,
    address_1: text,
    address_2: text,
    city: text,
    state: text,
    postcode: text,
    country: text,
    phone: text,
    email: text,
  })
  .partial()
  .catch({});

export const wooOrderSchema = z.object({
  id: z.number().int(),
  number: z.union([z.string(), z.number()]).transform(String),
  status: z.string(),
  date_created_gmt: text,
  // The cursor counts in these: an unreadable one would make the order never new, dropped without a word.
  date_modified_gmt: z.string().refine(isGmtDate, 'must be a date such as 2027-03-14T09:31:00'),
  customer_note: text,
  shipping: addressSchema,
  billing: addressSchema,
  line_items: z
    .array(
      z.object({
        id: z.unknown(),
        name: text,
        sku: text,
        quantity: z.unknown(),
      }),
    )
    .catch([]),
  shipping_lines: z.array(z.object({ method_id: text, method_title: text })).catch([]),
});
export type WooOrder = z.output<typeof wooOrderSchema>;

export const wooNotesSchema = z.array(z.object({ id: z.number(), note: z.string(), customer_note: z.boolean() }));
export const wooTrackingsSchema = z.array(z.object({ tracking_id: z.string(), tracking_number: z.string() }));
export const wooProductsSchema = z.array(z.object({ id: z.number().int(), sku: z.string() }));

/** A batch answer: each item is the updated product or `{id, error}`. */
export const wooBatchSchema = z.object({
  update: z
    .array(
      z.object({ id: z.number().optional(), error: z.object({ code: z.string(), message: z.string() }).optional() }),
    )
    .default([]),
});
