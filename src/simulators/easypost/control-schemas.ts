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
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export const faultSchema = z.object({
  /** `"METHOD /pattern"` relative to the API base (`"GET /orders/:id"`), or `"*"` for every API request. */
  route: z.string().min(1).default('*'),
  ...faultFields(FAULT_KINDS),
});
export type FaultInput = z.input<typeof faultSchema>;

export const settingsSchema = z.object({
  /** Services `POST orders` accepts (compared case-insensitively). */
  services: z.array(z.string().min(1)).min(1).optional(),
  /** Requests per second per API key; `null` turns the limiter off. */
  rate_limit_per_second: z.number().positive().nullable().optional(),
  /** Where `fulfillment.order.*` events go; `null` stops deliveries. */
  webhook: z.object({ url: z.url(), secret: z.string() }).nullable().optional(),
});
export type SettingsInput = z.input<typeof settingsSchema>;
