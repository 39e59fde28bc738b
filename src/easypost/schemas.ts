import { z } from 'zod';
import { timestamp } from './timestamp';

// Response schemas for the vendor API (docs/easypost-api.md). They are tolerant on purpose: fields the doc marks
// assumed are optional, statuses stay plain strings (unknown values are kept, not rejected), and unknown keys are dropped.

/** Order statuses epf acts on; others are kept as strings and treated as non-terminal (doc §4). */
export const ORDER_STATUS = {
  created: 'created',
  picked: 'picked',
  shipped: 'shipped',
  cancelled: 'cancelled',
} as const;

const text = z.string().nullish();
// Decimal amounts are strings on the wire (doc §4); a number is accepted and kept as its string form.
const decimal = z.union([z.string(), z.number()]).transform(String);

export const productRefSchema = z.object({ id: z.string().optional(), barcode: text, title: text });

export const addressSchema = z.object({
  id: z.string().optional(),
  name: text,
  company: text,
  street1: text,
  street2: text,
  city: text,
  state: text,
  zip: text,
  country: text,
  phone: text,
  email: text,
  residential: z.boolean().nullish(),
});

export const trackingDetailSchema = z.object({
  message: text,
  status: text,
  status_detail: text,
  datetime: timestamp.nullish(),
  source: text,
});

export const trackerSchema = z.object({
  id: z.string(),
  created_at: timestamp.optional(),
  updated_at: timestamp.optional(),
  tracking_code: text,
  carrier: text,
  status: z.string().default('unknown'),
  status_detail: text,
  public_url: text,
  est_delivery_date: timestamp.nullish(),
  tracking_details: z.array(trackingDetailSchema).default([]),
});

export const lineItemSchema = z.object({
  id: z.string().optional(),
  product: productRefSchema,
  units: z.number().int(),
});

export const pickSchema = z.object({
  id: z.string(),
  created_at: timestamp.optional(),
  updated_at: timestamp.optional(),
  tracker: trackerSchema.nullish(),
  // One entry per physical unit (doc §4): units per product = count of entries.
  inventories: z.array(z.object({ id: z.string().optional(), product: productRefSchema })).default([]),
});

export const feeSchema = z.object({
  id: z.string(),
  type: text,
  amount: decimal.nullish(),
  charged: z.boolean().nullish(),
  refunded: z.boolean().nullish(),
  disabled_at: timestamp.nullish(),
});

export const orderSchema = z.object({
  id: z.string(),
  mode: text,
  created_at: timestamp,
  updated_at: timestamp,
  status: z.string(),
  service: text,
  description: text,
  warehouse_id: text,
  latest_delivery: text,
  destination: addressSchema.nullish(),
  shipment_options: z.object({ delivery_confirmation: text, insurance: z.boolean().nullish() }).nullish(),
  line_items: z.array(lineItemSchema).default([]),
  picks: z.array(pickSchema).default([]),
  trackers: z.array(trackerSchema).default([]),
  fees: z.array(feeSchema).default([]),
});

const measure = z.object({ value: z.number(), unit: text }).nullish();

export const productSchema = z.object({
  id: z.string(),
  mode: text,
  created_at: timestamp.optional(),
  updated_at: timestamp.optional(),
  title: text,
  barcode: z.string(),
  type: text,
  origin_country: text,
  hs_code: text,
  requires_serial_tracking: z.boolean().nullish(),
  length: measure,
  width: measure,
  height: measure,
  weight: measure,
  price: measure,
});

export const warehouseSchema = z.object({
  id: z.string(),
  mode: text,
  name: z.string(),
  short_name: text,
  disabled_at: timestamp.nullish(),
  address: addressSchema.nullish(),
});

/**
 * One (product, warehouse) stock row. `includes[]` swaps `product_id`/`warehouse_id` for embedded objects (doc §7);
 * both shapes normalise to ids, keeping the embedded object when present.
 */
export const inventoryRowSchema = z
  .object({
    product_id: z.string().optional(),
    product: productRefSchema.extend({ id: z.string() }).optional(),
    warehouse_id: z.string().optional(),
    warehouse: z.object({ id: z.string(), name: text }).optional(),
    quantity: z.number().int(),
  })
  .transform((row, ctx) => {
    const productId = row.product_id ?? row.product?.id;
    const warehouseId = row.warehouse_id ?? row.warehouse?.id;
    if (productId === undefined || warehouseId === undefined) {
      ctx.issues.push({ code: 'custom', message: 'inventory row names no product or warehouse', input: row });
      return z.NEVER;
    }
    return { ...row, product_id: productId, warehouse_id: warehouseId };
  });

export const orderListSchema = z.object({ orders: z.array(orderSchema) });
export const productListSchema = z.object({ products: z.array(productSchema) });
export const warehouseListSchema = z.object({ warehouses: z.array(warehouseSchema) });
export const inventoryListSchema = z.object({ inventories: z.array(inventoryRowSchema) });

const errorItemSchema = z.object({ code: text, message: text, field: text });
// Nested `errors[]` only refine the message; a malformed list must not hide the top-level code.
const errorDetailSchema = errorItemSchema.extend({ errors: z.array(errorItemSchema).catch([]).optional() });

/** The error body: `{"errors": {...}}`, or `{"error": {...}}` as in older EasyPost clients (doc §3); yields the detail. */
export const errorBodySchema = z
  .object({
    errors: errorDetailSchema.optional(),
    error: errorDetailSchema.optional(),
  })
  .transform((body) => body.errors ?? body.error);

/** Webhook envelope (doc §9); `result` is parsed by the schema matching `description`. */
export const webhookEnvelopeSchema = z.object({
  id: z.string(),
  mode: text,
  description: z.string(),
  created_at: timestamp,
  updated_at: timestamp.optional(),
  previous_attributes: z.record(z.string(), z.unknown()).nullish(),
  result: z.unknown(),
});

/** `fulfillment.order.created|updated|refunded`: the result is the full order. */
export const orderEventSchema = webhookEnvelopeSchema.extend({ result: orderSchema });
/** Main-API `tracker.created|updated`. */
export const trackerEventSchema = webhookEnvelopeSchema.extend({ result: trackerSchema });

export type ProductRef = z.infer<typeof productRefSchema>;
export type Address = z.infer<typeof addressSchema>;
export type Tracker = z.infer<typeof trackerSchema>;
export type LineItem = z.infer<typeof lineItemSchema>;
export type Pick = z.infer<typeof pickSchema>;
export type Fee = z.infer<typeof feeSchema>;
export type Order = z.infer<typeof orderSchema>;
export type Product = z.infer<typeof productSchema>;
export type Warehouse = z.infer<typeof warehouseSchema>;
export type InventoryRow = z.infer<typeof inventoryRowSchema>;
export type ErrorDetail = z.infer<typeof errorBodySchema>;
export type OrderEvent = z.infer<typeof orderEventSchema>;
export type TrackerEvent = z.infer<typeof trackerEventSchema>;
