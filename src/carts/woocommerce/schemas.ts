import { z } from 'zod';

// What epf reads from wc/v3 answers. Lenient on purpose: a field the store left out or typed oddly must become a
// named problem on the order (normalise.ts), never a failed pull, so everything but the order's identity is loose.

const text = z.string().nullish().catch(undefined);

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
  date_modified_gmt: z.string(),
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
