import { z } from 'zod';
import { faultFields } from '../shared/fault-input';

// Bodies of the /__sim/ control API (ours, not EasyPost's). The typed in-process control takes the same shapes.

const apiKey = z.string().min(1);
const units = z.number().int().positive();
const quantity = z.number().int().nonnegative();

export const accountSchema = z.object({
  name: z.string().min(1).optional(),
  test_key: z.string().min(1).optional(),
  production_key: z.string().min(1).optional(),
});
export type AccountInput = z.input<typeof accountSchema>;

export const seedSchema = z.object({
  api_key: apiKey,
  warehouses: z
    .array(
      z.object({
        name: z.string().min(1),
        short_name: z.string().min(1),
        address: z.record(z.string(), z.string()).optional(),
      }),
    )
    .default([]),
  products: z.array(z.object({ barcode: z.string().min(1), title: z.string().min(1) })).default([]),
  /** `warehouse` is a short name or a `wh_` id. */
  stock: z.array(z.object({ barcode: z.string().min(1), warehouse: z.string().min(1), quantity })).default([]),
});
export type SeedInput = z.input<typeof seedSchema>;

export const stockSchema = z.object({
  api_key: apiKey,
  barcode: z.string().min(1),
  /** A `wh_` id or a short name. */
  warehouse_id: z.string().min(1),
  quantity,
});
export type StockInput = z.input<typeof stockSchema>;

export const apiKeyQuerySchema = z.object({ api_key: apiKey });

export const advanceSchema = z.object({
  api_key: apiKey,
  to: z.enum(['picked', 'shipped']),
  /** Each shipment is one package (pick + tracker); without it, `shipped` ships everything left in one package. */
  shipments: z
    .array(
      z.object({
        line_items: z.array(z.object({ barcode: z.string().min(1), units })).min(1),
        carrier: z.string().min(1).optional(),
        tracking_code: z.string().min(1).optional(),
      }),
    )
    .optional(),
});
export type AdvanceInput = z.input<typeof advanceSchema>;
export type AdvanceCommand = z.output<typeof advanceSchema>;

export const TRACKER_STATUSES = [
  'unknown',
  'pre_transit',
  'in_transit',
  'out_for_delivery',
  'delivered',
  'available_for_pickup',
  'return_to_sender',
  'failure',
  'cancelled',
  'error',
] as const;

export const trackerStatusSchema = z.object({
  api_key: apiKey,
  status: z.enum(TRACKER_STATUSES),
  status_detail: z.string().min(1).nullish(),
});
export type TrackerStatusInput = z.input<typeof trackerStatusSchema>;
export type TrackerStatusCommand = z.output<typeof trackerStatusSchema>;

export const FAULT_KINDS = [
  'latency',
  'server_error',
  'rate_limit',
  'reset',
  'malformed',
  'commit_then_timeout',
  'slow_commit',
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

/** Above the client's 20 s request timeout, so the client gives up before the order exists. */
export const SLOW_COMMIT_DEFAULT_MS = 25_000;
const LATENCY_DEFAULT_MS = 1000;

export const faultSchema = z
  .object({
    /** `"METHOD /pattern"` relative to the API base (`"GET /orders/:id"`), or `"*"` for every API request. */
    route: z.string().min(1).default('*'),
    ...faultFields(FAULT_KINDS),
    /** The wait of `latency` (default 1 s) and of `slow_commit` before it commits (default 25 s). */
    latency_ms: z.number().int().nonnegative().optional(),
  })
  .transform(({ latency_ms, ...fault }) => ({
    ...fault,
    latency_ms: latency_ms ?? (fault.kind === 'slow_commit' ? SLOW_COMMIT_DEFAULT_MS : LATENCY_DEFAULT_MS),
  }));
export type FaultInput = z.input<typeof faultSchema>;

/** How `GET orders` lists: the real API's order and `query` support are unverified (docs §2), so both are switchable. */
export const LISTING_ORDERS = ['newest_first', 'oldest_first'] as const;
export const LISTING_QUERIES = ['honoured', 'ignored'] as const;
/**
 * What `POST orders` does with `warehouse_id`, an assumed field (docs §4): allocates there, ignores it (picks as if it
 * were absent), or refuses it as an unknown parameter (400 naming the field), as a real account might.
 */
export const ORDER_WAREHOUSE_IDS = ['honoured', 'ignored', 'refused'] as const;

/** Listing effects counted beside the fault kinds (`GET /__sim/fault-counts`). */
export const LISTING_EFFECTS = ['oldest_first', 'query_ignored', 'delayed_visibility'] as const;
export type FiredKind = FaultKind | (typeof LISTING_EFFECTS)[number];

export const settingsSchema = z.object({
  /** Services `POST orders` accepts (compared case-insensitively). */
  services: z.array(z.string().min(1)).min(1).optional(),
  /** Requests per second per API key; `null` turns the limiter off. */
  rate_limit_per_second: z.number().positive().nullable().optional(),
  /** Where `fulfillment.order.*` events go; `null` stops deliveries. */
  webhook: z.object({ url: z.url(), secret: z.string() }).nullable().optional(),
  listing_order: z.enum(LISTING_ORDERS).optional(),
  listing_query: z.enum(LISTING_QUERIES).optional(),
  order_warehouse_id: z.enum(ORDER_WAREHOUSE_IDS).optional(),
  /** A created order shows in `GET orders` (and its `query`) only this long after its commit; `GET orders/:id` at once. */
  visibility_delay_ms: z.number().int().nonnegative().optional(),
});
export type SettingsInput = z.input<typeof settingsSchema>;
