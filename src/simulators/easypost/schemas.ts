import { z } from 'zod';

// Request bodies of the vendor API (docs/easypost-api.md §4, §5). Unknown keys are stripped, not rejected,
// because some clients send whole objects back (the Go client posts full products and orders).

const optionalText = z.string().nullish();

const addressFields = z.object({
  name: optionalText,
  company: optionalText,
  street1: z.string().min(1),
  street2: optionalText,
  city: z.string().min(1),
  state: optionalText,
  zip: z.string().min(1),
  country: z.string().length(2),
  phone: optionalText,
  email: optionalText,
  residential: z.boolean().nullish(),
  state_tax_id: optionalText,
  federal_tax_id: optionalText,
});

/** A destination: `name` or `company`, and `state` for US addresses, are required (assumed). */
export const addressSchema = addressFields.superRefine((address, ctx) => {
  if (!address.name && !address.company) {
    ctx.addIssue({ code: 'custom', path: ['name'], message: 'name or company is required' });
  }
  if (address.country.toUpperCase() === 'US' && !address.state) {
    ctx.addIssue({ code: 'custom', path: ['state'], message: 'state is required for US addresses' });
  }
});
export type AddressInput = z.infer<typeof addressSchema>;

const shipmentOptions = z.object({
  delivery_confirmation: z.enum(['SIGNATURE', 'ADULT_SIGNATURE', 'NO_SIGNATURE']).nullish(),
  insurance: z.boolean().nullish(),
});

const productRef = z
  .object({ id: z.string().min(1).optional(), barcode: z.string().min(1).optional() })
  .refine((product) => product.id !== undefined || product.barcode !== undefined, {
    message: 'product needs an id or a barcode',
  });

export const createOrderSchema = z.object({
  service: z.string().min(1),
  description: optionalText,
  destination: addressSchema,
  line_items: z.array(z.object({ product: productRef, units: z.number().int().positive() })).min(1),
  shipment_options: shipmentOptions.nullish(),
  latest_delivery: optionalText,
  inserts: z.array(z.object({ id: z.string(), url: z.string(), acl: z.string() }).partial()).nullish(),
  warehouse_id: optionalText,
});
export type CreateOrderInput = z.infer<typeof createOrderSchema>;

/** PATCH orders/{id}: nested objects are merged; other keys (line_items, warehouse_id…) are ignored. */
export const patchOrderSchema = z.object({
  service: z.string().min(1).optional(),
  description: optionalText,
  destination: addressFields.partial().optional(),
  shipment_options: shipmentOptions.optional(),
  latest_delivery: optionalText,
});
export type PatchOrderInput = z.infer<typeof patchOrderSchema>;

// Dimensions come as `{value, unit}`, `{value}` (tradlands) or a bare number; the unit defaults per field.
const measure = (unit: string) =>
  z
    .union([
      z.number().nonnegative(),
      z.object({ value: z.number().nonnegative(), unit: z.string().min(1).optional() }),
    ])
    .transform((input) =>
      typeof input === 'number' ? { value: input, unit } : { value: input.value, unit: input.unit ?? unit },
    )
    .nullish();

const productFields = z.object({
  title: z.string().min(1),
  barcode: z.string().min(1),
  type: z.string().min(1).optional(),
  origin_country: optionalText,
  hs_code: optionalText,
  requires_serial_tracking: z.boolean().optional(),
  length: measure('IN'),
  width: measure('IN'),
  height: measure('IN'),
  weight: measure('OZ'),
  price: measure('USD'),
});

export const createProductSchema = productFields;
export type ProductInput = z.infer<typeof createProductSchema>;
export const patchProductSchema = productFields.partial();
export type PatchProductInput = z.infer<typeof patchProductSchema>;

// Paging query (docs §2): 0-based page; size = per_page ?? limit ?? 30, at most 500; start = offset ?? page × size.
const count = z.coerce.number().int().nonnegative();
export const pagingSchema = z.object({
  page: count.optional(),
  per_page: count.min(1).optional(),
  limit: count.min(1).optional(),
  offset: count.optional(),
});
export type PagingInput = z.infer<typeof pagingSchema>;
