import { z } from 'zod';
import type { OrderDelivery } from './delivery-clock';
import { shopifyApiVersionSchema } from './shopify-api-version';
import { DEFAULT_RESEND_HOUR, DEFAULT_RESEND_ZONE, isValidTimeZone } from './hold-clock';
import { itemFilterSchema, NO_ITEM_FILTER } from './item-filter';

export type { OrderDelivery };

/** EasyPost publishes no vendor-API limit; 5 requests a second is the figure its guides cite (docs/easypost-api.md §11). */
export const DEFAULT_EASYPOST_REQUESTS_PER_SECOND = 5;
/** The share of a merchant's EasyPost rate that order sends are admitted at; the rest is kept for pickups and cancels. */
export const SEND_SHARE = 0.8;

/** Who picks an order's warehouse (`warehouseRouting`). */
export const WAREHOUSE_ROUTINGS = ['rules', 'easypost'] as const;

const timeZone = z.string().refine(isValidTimeZone, 'must be an IANA time zone, e.g. America/Los_Angeles');

/**
 * When a received order goes to EasyPost: at once; after a grace delay, so that a buyer's cancel or edit in the cart
 * still lands before the warehouse has the order; or at fixed local times of day ("HH:MM" in `zone`).
 */
export const orderDeliverySchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('immediately') }),
  z.object({
    mode: z.literal('grace'),
    minutes: z
      .number()
      .int()
      .min(1)
      .max(7 * 24 * 60),
  }),
  z.object({
    mode: z.literal('slots'),
    times: z
      .array(z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a local time HH:MM'))
      .min(1)
      .max(48),
    zone: timeZone.default(DEFAULT_RESEND_ZONE),
  }),
]) satisfies z.ZodType<OrderDelivery>; // the type is the domain's: the delivery clock reads it

/** Per-merchant settings, stored as JSON in merchants.settings; every field has a default. */
export const merchantSettingsSchema = z.object({
  /** Local hour at which held orders are resent daily. */
  resendHour: z.number().int().min(0).max(23).default(DEFAULT_RESEND_HOUR),
  /** Minute past `resendHour` of the daily resend. */
  resendMinute: z.number().int().min(0).max(59).default(0),
  /** IANA time zone of `resendHour`. */
  resendZone: timeZone.default(DEFAULT_RESEND_ZONE),
  /**
   * EasyPost requests per second this merchant's key may make, across every worker (EasyPost answers 429 above it).
   * Order sends are admitted at `SEND_SHARE` of it; pickups and cancels use the rest.
   */
  easyPostRequestsPerSecond: z.number().min(0.1).max(1000).default(DEFAULT_EASYPOST_REQUESTS_PER_SECOND),
  /** How often shipments and tracking are fetched from EasyPost (the `shipments:<merchantId>` schedule). */
  shipmentPickupSeconds: z.number().int().min(30).max(86_400).default(300),
  /** How often per-warehouse stock is read from EasyPost (the `inventory-pickup:<merchantId>` schedule). */
  inventoryPickupSeconds: z.number().int().min(60).max(86_400).default(900),
  /**
   * Who picks an order's warehouse: `rules` sends the one the routing rules chose from the stock snapshot as
   * `warehouse_id`; `easypost` sends none and EasyPost picks (docs/easypost-api.md §4). The worker sets `easypost`
   * itself when EasyPost refuses the field. Replaces `sendWarehouseId`, which stored settings may still carry and
   * parsing drops.
   */
  warehouseRouting: z.enum(WAREHOUSE_ROUTINGS).default('rules'),
  /** When received orders go to EasyPost (default: immediately). */
  orderDelivery: orderDeliverySchema.default({ mode: 'immediately' }),
});

export type MerchantSettings = z.infer<typeof merchantSettingsSchema>;

/** Per-cart settings, stored as JSON in carts.settings. */
export const cartSettingsSchema = z.object({
  /** EasyPost warehouses whose stock this cart sells, in preference order. */
  warehouseIds: z.array(z.string().regex(/^wh_/)).default([]),
  defaultWarehouseId: z.string().regex(/^wh_/).optional(),
  /**
   * EasyPost service when no ship-method rule matches. No default: without it an unmapped ship method waits in
   * `error` (an `unmapped_ship_method` exception) instead of quietly shipping a service nobody chose.
   */
  defaultService: z.string().trim().min(1).optional(),
  /**
   * Which lines of pulled orders go to this warehouse (SKUs or globs); the rest are recorded on the order, and an order
   * with no line left is skipped with the rule named. Default: every line.
   */
  itemFilter: itemFilterSchema.default(NO_ITEM_FILTER),
  /** Orders placed before this instant are skipped (recorded with the rule), e.g. the go-live date. */
  earliestOrderAt: z.iso.datetime({ offset: true }).optional(),
  /** How often new orders are pulled from the cart (its `pull:<cartId>` schedule). */
  orderPullSeconds: z.number().int().min(30).max(86_400).default(300),
  /** Tracking goes back to the cart at once (0) or at the next multiple of this many seconds (batched uploads). */
  trackingUploadSeconds: z.number().int().min(0).max(86_400).default(0),
  /** How often stock is pushed to the cart when a newer snapshot exists (its `inventory-push:<cartId>` schedule). */
  inventoryPushSeconds: z.number().int().min(60).max(86_400).default(900),
  /** At or below this many units the cart is told 0, a safety stock against overselling. */
  minimumInventory: z.number().int().min(0).default(0),
  /** Shopify only: the Admin API version to call, `YYYY-MM` (default DEFAULT_SHOPIFY_API_VERSION). */
  apiVersion: shopifyApiVersionSchema.optional(),
});

export type CartSettings = z.infer<typeof cartSettingsSchema>;

/** Which of its two EasyPost keys a merchant's orders go out with. */
export type EasyPostMode = 'test' | 'production';

/** A merchant as epf shows it: its EasyPost keys stay in the store, only whether each is set comes out. */
export interface Merchant {
  id: string;
  name: string;
  mode: EasyPostMode;
  hasTestKey: boolean;
  hasProductionKey: boolean;
  settings: MerchantSettings;
}
