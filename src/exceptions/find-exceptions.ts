import type { Pool } from 'pg';
import { createCartApiNoticeStore } from '../db/cart-api-notices';
import { createCartStore } from '../db/carts';
import { createCartFailureStore } from '../db/cart-failures';
import { createKeptShipmentStore } from '../db/kept-shipments';
import { createMerchantStore } from '../db/merchants';
import { createWarehouseDuplicateStore } from '../db/warehouse-duplicates';
import {
  byMerchantThenAge,
  classifyExceptions,
  cutoffs,
  DEFAULT_THRESHOLDS,
  type DuplicateAtWarehouse,
  type Exception,
  type ExceptionOrder,
  type ExceptionThresholds,
} from '../domain/exceptions';
import { cartApiNoticeExceptions } from './cart-api-notices';
import { cartFailureExceptions } from './cart-failures';
import { cartWebhookExceptions } from './cart-webhooks';
import { cartWebhookProblems } from '../db/cart-webhooks';
import { KEPT_SHIPMENT_DAYS, keptShipmentExceptions } from './kept-shipments';

export interface FindExceptionsOptions {
  /** Only this merchant's exceptions. */
  merchantId?: string;
  thresholds?: Partial<ExceptionThresholds>;
  now?: Date;
}

/**
 * What needs a person now (`epf exceptions`, `GET /exceptions`, the alert webhook); undefined when `merchantId`
 * names no merchant. Reads only the orders that can be exceptions, so the many orders waiting normally at the
 * warehouse or on a short hold are never loaded.
 */
export async function findExceptions(
  pool: Pool,
  options: FindExceptionsOptions = {},
): Promise<Exception[] | undefined> {
  const given = options.thresholds ?? {};
  const thresholds: ExceptionThresholds = {
    holdDays: given.holdDays ?? DEFAULT_THRESHOLDS.holdDays,
    stuckHours: given.stuckHours ?? DEFAULT_THRESHOLDS.stuckHours,
    wmsDays: given.wmsDays ?? DEFAULT_THRESHOLDS.wmsDays,
  };
  const now = options.now ?? new Date();
  const { heldBefore, atWmsBefore } = cutoffs(thresholds, now);
  const merchants = (await createMerchantStore(pool).list()).filter(
    (merchant) => options.merchantId === undefined || merchant.id === options.merchantId,
  );
  if (options.merchantId !== undefined && merchants.length === 0) return undefined;
  // received and sending are few and judged in code (the delivery time is the merchant's setting).
  const { rows } = await pool.query<ExceptionOrder>(
    `SELECT cart_id, cart_order_id, cart_order_number, merchant_id, workflow_id, status, last_error, last_error_field,
       last_error_type, hold_count, held_since, received_at, updated_at, lines
     FROM orders
     WHERE ($1::text IS NULL OR merchant_id = $1)
       AND (status IN ('error', 'cancel_failed', 'received', 'sending')
         OR (status IN ('at_wms', 'shipped') AND last_error IS NOT NULL)
         OR (status = 'on_hold' AND COALESCE(held_since, updated_at) < $2)
         OR (status = 'at_wms' AND updated_at < $3))`,
    [options.merchantId ?? null, heldBefore, atWmsBefore],
  );
  const kept = await createKeptShipmentStore(pool).keptBefore(
    new Date(now.getTime() - KEPT_SHIPMENT_DAYS * 86_400_000),
    options.merchantId,
  );
  const duplicates = await duplicatesAtWarehouse(pool, options.merchantId);
  const notices = await createCartApiNoticeStore(pool).fresh(now, options.merchantId);
  const carts = notices.length > 0 ? await createCartStore(pool).list() : [];
  const cartFailures = await createCartFailureStore(pool).list(options.merchantId);
  const webhookProblems = await cartWebhookProblems(pool, now, options.merchantId);
  return [
    ...classifyExceptions(merchants, rows, thresholds, now, duplicates),
    ...keptShipmentExceptions(kept),
    ...cartApiNoticeExceptions(notices, carts),
    ...cartFailureExceptions(cartFailures),
    ...cartWebhookExceptions(webhookProblems),
  ].sort(byMerchantThenAge);
}

/** The duplicates the reconciliation recorded, each with the order its marker names. */
async function duplicatesAtWarehouse(pool: Pool, merchantId?: string): Promise<DuplicateAtWarehouse[]> {
  const duplicates = await createWarehouseDuplicateStore(pool).list(merchantId);
  const workflowIds = duplicates.flatMap((duplicate) => duplicate.workflowId ?? []);
  const { rows } = await pool.query<NonNullable<DuplicateAtWarehouse['order']> & { workflow_id: string }>(
    `SELECT workflow_id, cart_id, cart_order_id, cart_order_number, status, easypost_order_id FROM orders
     WHERE workflow_id = ANY($1::text[])`,
    [workflowIds],
  );
  const orders = new Map(rows.map((row) => [row.workflow_id, row]));
  return duplicates.map((duplicate) => ({
    ...duplicate,
    order: duplicate.workflowId ? orders.get(duplicate.workflowId) : undefined,
  }));
}
