import { z } from 'zod';

// What epf reads from BigCommerce's answers. Lenient on purpose: a field the store left out or typed oddly must become
// a named problem on the order (normalise.ts), never a failed pull, so everything but the order's identity is loose.

const text = z.string().nullish().catch(undefined);

// V2 dates are RFC 2822, "Tue, 20 Nov 2012 00:00:00 +0000"; Date.parse alone also reads "100" as the year 100.
const RFC_2822 = /^[A-Z][a-z]{2}, \d{1,2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} [+-]\d{4}$/;
const isRfc2822 = (value: string) => RFC_2822.test(value) && !Number.isNaN(Date.parse(value));

export const bcOrderSchema = z.object({
  id: z.number().int().positive(),
  status_id: z.number().int(),
  date_created: text,
  // The cursor counts in these: an unreadable one would make the order never new, dropped without a word.
  date_modified: z.string().refine(isRfc2822, 'must be an RFC 2822 date such as Tue, 20 Nov 2012 00:00:00 +0000'),
  customer_message: text,
  billing_address: z.object({ email: text, phone: text }).partial().catch({}),
});
export type BcOrder = z.output<typeof bcOrderSchema>;

export const bcOrderProductsSchema = z
  .array(
    z.object({
      id: z.unknown(),
      name: text,
      sku: text,
      quantity: z.unknown(),
      quantity_shipped: z.number().catch(0),
      order_address_id: z.unknown(),
    }),
  )
  .catch([]);
export type BcOrderProduct = z.output<typeof bcOrderProductsSchema>[number];

export const bcShippingAddressesSchema = z
  .array(
    z
      .object({
        id: z.unknown(),
        first_name: text,
        last_name: text,
        company: text,
        street_1: text,
        street_2: text,
        city: text,
        state: text,
        zip: text,
        country_iso2: text,
        phone: text,
        email: text,
        shipping_method: text,
      })
      .partial(),
  )
  .catch([]);
export type BcShippingAddress = z.output<typeof bcShippingAddressesSchema>[number];

export const bcShipmentsSchema = z.array(z.object({ id: z.number(), tracking_number: z.string().nullish() }));
export const bcOrderStatusSchema = z.object({
  id: z.number(),
  status_id: z.number(),
  staff_notes: z.string().nullish(),
});

/** A V3 page of catalog variants: what epf needs to know a SKU exists. */
export const bcVariantsSchema = z.object({
  data: z.array(z.object({ id: z.number(), sku: z.string() })),
  meta: z.object({ pagination: z.object({ total_pages: z.number(), current_page: z.number() }) }),
});
