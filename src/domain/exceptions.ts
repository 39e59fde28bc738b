import { z } from 'zod';
import type { CartLine } from './cart-line';
import { OrderFailure } from './failure-types';
import type { Merchant } from './merchant-settings';
import type { OrderRow } from './order-row';
import type { OrderStatus } from './order-status';
import { judgeOrder } from './order-verdict';
import { shellWord } from './shell-word';

/** What needs a person, and so which fix applies. */
export type ExceptionKind =
  | 'missing_key'
  | 'auth_failed'
  | 'cart_auth_failed'
  | 'cart_failing'
  | 'unknown_sku'
  | 'unmapped_ship_method'
  | 'order_error'
  | 'cancel_failed'
  | 'cancel_not_done'
  | 'tracking_push_failed'
  | 'long_hold'
  | 'stuck'
  | 'kept_shipment'
  | 'duplicate_at_warehouse'
  | 'cart_api_deprecated'
  | 'cart_webhook_disabled'
  | 'cart_webhook_failing';

/** One thing a person has to act on: a merchant's (no `order`) or an order's. */
export interface Exception {
  /** The situation's identity (kind, subject, when it began): the alert webhook sends each key once. */
  key: string;
  kind: ExceptionKind;
  merchantId: string;
  order?: { cartId: string; cartOrderId: string; cartOrderNumber: string; workflowId: string; status: OrderStatus };
  /** For a cart's own exceptions (`cart_auth_failed`, `cart_failing`, `cart_webhook_*`): the cart. */
  cartId?: string;
  /** When the situation began (ISO); unknown for a missing key. */
  since?: string;
  reason: string;
  /** The order field the last error names, e.g. `shipTo.zip` or `lines[0].sku`. */
  field?: string;
  /** The command that fixes it. */
  fix: string;
  /** For `duplicate_at_warehouse`: the live EasyPost orders carrying one order's marker, oldest first. */
  easyPostOrderIds?: string[];
}

/** How long a waiting order may wait before it needs a person. */
export interface ExceptionThresholds {
  /** `on_hold` (through its daily resends) for more than this many days. */
  holdDays: number;
  /** `received` past its delivery time, or `sending`, for more than this many hours. */
  stuckHours: number;
  /** `at_wms` without shipping for more than this many days. */
  wmsDays: number;
}

export const DEFAULT_THRESHOLDS: ExceptionThresholds = { holdDays: 3, stuckHours: 1, wmsDays: 7 };

/** The allowed values of each threshold: the CLI's options and the API's query parameters share them. */
export const thresholdSchemas = {
  holdDays: z.number().int().min(1).max(365),
  stuckHours: z.number().int().min(1).max(720),
  wmsDays: z.number().int().min(1).max(365),
} satisfies Record<keyof ExceptionThresholds, z.ZodNumber>;

/** Situations that began before these instants are exceptions; the query uses them to read only candidates. */
export interface Cutoffs {
  heldBefore: Date;
  stuckBefore: Date;
  atWmsBefore: Date;
}

/** The cut-offs of `thresholds` at `now`. */
export function cutoffs(thresholds: ExceptionThresholds, now: Date): Cutoffs {
  const ago = (ms: number) => new Date(now.getTime() - ms);
  return {
    heldBefore: ago(thresholds.holdDays * DAY),
    stuckBefore: ago(thresholds.stuckHours * HOUR),
    atWmsBefore: ago(thresholds.wmsDays * DAY),
  };
}

export type ExceptionOrder = Pick<
  OrderRow,
  | 'cart_id'
  | 'cart_order_id'
  | 'cart_order_number'
  | 'merchant_id'
  | 'workflow_id'
  | 'status'
  | 'last_error'
  | 'last_error_field'
  | 'last_error_type'
  | 'hold_count'
  | 'held_since'
  | 'received_at'
  | 'updated_at'
> & { lines: CartLine[] | null };
export type ExceptionMerchant = Pick<Merchant, 'id' | 'name' | 'mode' | 'hasTestKey' | 'hasProductionKey' | 'settings'>;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * Everything that needs a person among these merchants and orders, merchants first, then each merchant's orders
 * oldest first. Orders in a state that waits on purpose (on hold for a few days, at the warehouse for a few) are not
 * exceptions until their threshold; skipped orders never reach the index, so never are.
 */
export function classifyExceptions(
  merchants: ExceptionMerchant[],
  orders: ExceptionOrder[],
  thresholds: ExceptionThresholds,
  now: Date,
  duplicates: DuplicateAtWarehouse[] = [],
): Exception[] {
  const byId = new Map(merchants.map((merchant) => [merchant.id, merchant]));
  const limits = cutoffs(thresholds, now);
  const found = [
    ...merchants.flatMap((merchant) =>
      merchantExceptions(
        merchant,
        orders.filter((order) => order.merchant_id === merchant.id),
      ),
    ),
    ...orders.flatMap((order) => orderException(order, byId.get(order.merchant_id), limits, thresholds) ?? []),
    ...duplicates.map(duplicateException),
  ];
  return found.sort(byMerchantThenAge);
}

/** Merchant by merchant: the merchant's own exceptions first, then the rest oldest first. */
export const byMerchantThenAge = (a: Exception, b: Exception): number =>
  a.merchantId.localeCompare(b.merchantId) ||
  Number(a.order !== undefined) - Number(b.order !== undefined) ||
  (a.since ?? '').localeCompare(b.since ?? '');

function merchantExceptions(merchant: ExceptionMerchant, orders: ExceptionOrder[]): Exception[] {
  const found: Exception[] = [];
  const hasKey = merchant.mode === 'production' ? merchant.hasProductionKey : merchant.hasTestKey;
  if (!hasKey) {
    found.push({
      key: `missing_key:${merchant.id}:${merchant.mode}`,
      kind: 'missing_key',
      merchantId: merchant.id,
      reason: `no EasyPost ${merchant.mode} key, and the merchant is in ${merchant.mode} mode: nothing can be sent`,
      fix: keyCommand(merchant),
    });
  }
  const refused = orders.filter(isAuthFailure);
  if (refused.length > 0) {
    const since = new Date(Math.min(...refused.map((order) => order.updated_at.getTime()))).toISOString();
    found.push({
      key: `auth_failed:${merchant.id}:${since}`,
      kind: 'auth_failed',
      merchantId: merchant.id,
      since,
      reason: `EasyPost refused the ${merchant.mode} key on ${refused.length} order(s)`,
      fix: `${keyCommand(merchant)}, then retry each order`,
    });
  }
  return found;
}

/** Re-running `merchants add` with a key keeps every other setting. */
function keyCommand(merchant: ExceptionMerchant): string {
  const variable = `EASYPOST_${merchant.mode.toUpperCase()}_KEY`;
  return `epf merchants add ${merchant.id} --name ${shellWord(merchant.name)} --${merchant.mode}-key-env ${variable}`;
}

const isAuthFailure = (order: ExceptionOrder) =>
  order.status === 'error' && order.last_error_type === OrderFailure.AuthFailed;

/** A marker EasyPost holds two or more live orders for. */
export interface WarehouseDuplicate {
  merchantId: string;
  marker: string;
  workflowId: string | null;
  easyPostOrderIds: string[];
  foundAt: Date;
}

/** A marker two or more live EasyPost orders carry, with the indexed order it names (if any). */
export interface DuplicateAtWarehouse extends WarehouseDuplicate {
  order?: Pick<OrderRow, 'cart_id' | 'cart_order_id' | 'cart_order_number' | 'status' | 'easypost_order_id'>;
}

function duplicateException(duplicate: DuplicateAtWarehouse): Exception {
  const { order, easyPostOrderIds } = duplicate;
  const kept = order?.easypost_order_id ?? undefined;
  const extras = easyPostOrderIds.filter((id) => id !== kept);
  const since = duplicate.foundAt.toISOString();
  const ref = order ? `${shellWord(order.cart_order_number)} --cart ${order.cart_id}` : undefined;
  return {
    key: `duplicate_at_warehouse:${duplicate.merchantId}:${duplicate.marker}:${easyPostOrderIds.join(',')}`,
    kind: 'duplicate_at_warehouse',
    merchantId: duplicate.merchantId,
    ...(order && duplicate.workflowId
      ? {
          order: {
            cartId: order.cart_id,
            cartOrderId: order.cart_order_id,
            cartOrderNumber: order.cart_order_number,
            workflowId: duplicate.workflowId,
            status: order.status,
          },
        }
      : {}),
    since,
    reason:
      `EasyPost holds ${easyPostOrderIds.length} live orders marked ${duplicate.marker} (${easyPostOrderIds.join(', ')})` +
      (kept ? `; the order tracks ${kept}` : ''),
    fix:
      `cancel ${extras.join(', ')} in the EasyPost dashboard while still cancellable (else stop it at the warehouse)` +
      (ref ? `; epf orders show ${ref}` : ''),
    easyPostOrderIds,
  };
}

function orderException(
  order: ExceptionOrder,
  merchant: ExceptionMerchant | undefined,
  limits: Cutoffs,
  thresholds: ExceptionThresholds,
): Exception | undefined {
  const verdict = judgeOrder(order, merchant, limits, thresholds);
  if (!verdict) return undefined;
  const since = verdict.since.toISOString();
  const field = order.status === 'error' ? (order.last_error_field ?? undefined) : undefined;
  return {
    key: `${verdict.kind}:${order.workflow_id}:${since}`,
    kind: verdict.kind,
    merchantId: order.merchant_id,
    order: {
      cartId: order.cart_id,
      cartOrderId: order.cart_order_id,
      cartOrderNumber: order.cart_order_number,
      workflowId: order.workflow_id,
      status: order.status,
    },
    since,
    reason: verdict.reason,
    field,
    fix: verdict.fix,
  };
}
