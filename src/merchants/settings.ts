import { z } from 'zod';
import { DEFAULT_RESEND_HOUR, DEFAULT_RESEND_ZONE, isValidTimeZone } from '../domain/hold-clock';

/** Per-merchant settings, stored as JSON in merchants.settings; every field has a default. */
export const merchantSettingsSchema = z.object({
  /** Local hour at which held orders are resent daily. */
  resendHour: z.number().int().min(0).max(23).default(DEFAULT_RESEND_HOUR),
  /** IANA time zone of `resendHour`. */
  resendZone: z
    .string()
    .refine(isValidTimeZone, 'must be an IANA time zone, e.g. America/Los_Angeles')
    .default(DEFAULT_RESEND_ZONE),
  /** How often shipments and tracking are fetched from EasyPost (the `shipments:<merchantId>` schedule). */
  shipmentPickupSeconds: z.number().int().min(30).max(86_400).default(300),
  /** How often per-warehouse stock is read from EasyPost (the `inventory-pickup:<merchantId>` schedule). */
  inventoryPickupSeconds: z.number().int().min(60).max(86_400).default(900),
  /** Send the chosen warehouse with the order (an assumed API field, docs/easypost-api.md); off lets EasyPost choose. */
  sendWarehouseId: z.boolean().default(false),
});

export type MerchantSettings = z.infer<typeof merchantSettingsSchema>;

/** Per-cart settings, stored as JSON in carts.settings. */
export const cartSettingsSchema = z.object({
  /** EasyPost warehouses whose stock this cart sells, in preference order. */
  warehouseIds: z.array(z.string().regex(/^wh_/)).default([]),
  defaultWarehouseId: z.string().regex(/^wh_/).optional(),
  /** EasyPost service when no ship-method rule matches. */
  defaultService: z.string().min(1).default('standard'),
  /** Orders placed before this instant are skipped (recorded with the rule), e.g. the go-live date. */
  earliestOrderAt: z.iso.datetime({ offset: true }).optional(),
  /** How often new orders are pulled from the cart (its `pull:<cartId>` schedule). */
  orderPullSeconds: z.number().int().min(30).max(86_400).default(300),
});

export type CartSettings = z.infer<typeof cartSettingsSchema>;
