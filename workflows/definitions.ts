// The contract shared by workflows, the worker, clients, the dev launcher and tests: defined once, imported everywhere.
import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { Address } from '../src/domain/order';
import type { OrderStatus } from '../src/domain/order-status';

/** Default task queue; `TEMPORAL_TASK_QUEUE` overrides it per deployment. */
export const DEFAULT_TASK_QUEUE = 'epf';

/** Custom search attributes: operators find any order in the Web UI by these. */
export const searchAttributes = {
  orderStatus: defineSearchAttributeKey('OrderStatus', SearchAttributeType.KEYWORD),
  merchantId: defineSearchAttributeKey('MerchantId', SearchAttributeType.KEYWORD),
  cartId: defineSearchAttributeKey('CartId', SearchAttributeType.KEYWORD),
  cartOrderNumber: defineSearchAttributeKey('CartOrderNumber', SearchAttributeType.KEYWORD),
  easyPostOrderId: defineSearchAttributeKey('EasyPostOrderId', SearchAttributeType.KEYWORD),
  warehouse: defineSearchAttributeKey('Warehouse', SearchAttributeType.KEYWORD),
  holdCount: defineSearchAttributeKey('HoldCount', SearchAttributeType.INT),
  nextResendAt: defineSearchAttributeKey('NextResendAt', SearchAttributeType.DATETIME),
} as const;

/** The deterministic ID of an operational check run; one per requester so concurrent checks never collide. */
export function healthCheckWorkflowId(requester: string): string {
  return `healthcheck:${requester}`;
}

// ---- The order workflow's contract (see docs/architecture.md, "The order workflow") ----

/** Who asked for a cancel: the buyer through the cart, or a person through the CLI or API. */
export type CancelSource = 'cart' | 'operator';

export interface CancelRequest {
  reason: string;
  source: CancelSource;
}

/** One package EasyPost shipped for the order; an order may ship in several (split shipments). */
export interface ShipmentUpdate {
  /** EasyPost pick ID (or tracker ID): a shipment seen twice changes nothing. */
  shipmentId: string;
  carrier: string;
  trackingCode: string;
  trackingUrl?: string;
  shippedAt: string;
  lines: { barcode: string; units: number }[];
  /** True once EasyPost reports the whole order shipped. */
  orderComplete: boolean;
  /** How many packages the order had at EasyPost when this was read; with `orderComplete`, the final count. */
  packageCount: number;
  /**
   * The EasyPost order the package belongs to. A shipment found through the order's marker may arrive before the
   * workflow has recorded its EasyPost ID (a send that timed out after EasyPost committed). Absent in older signals.
   */
  easyPostOrderId?: string;
}

/** Operator corrections for an order in `error` or `on_hold`; every field optional, the result is re-validated. */
export interface OrderFix {
  shipTo?: Partial<Address>;
  /** lineId → replacement cart SKU (e.g. after adding the right alias is not wanted). */
  skus?: Record<string, string>;
  shipMethod?: string;
  note?: string;
}

export interface OrderStatusView {
  status: OrderStatus;
  cartId: string;
  cartOrderId: string;
  cartOrderNumber: string;
  merchantId: string;
  easyPostOrderId?: string;
  warehouseId?: string;
  holdCount: number;
  nextResendAt?: string;
  /** While `received`: when the order goes to EasyPost (the merchant's grace delay or delivery slots). */
  deliverAt?: string;
  /** While `sending`: when its turn under the merchant's EasyPost rate comes (only when sends are queued). */
  sendAt?: string;
  lastError?: { message: string; field?: string; type?: string };
  cancelReason?: string;
  shipments: ShipmentUpdate[];
  trackingPushed: string[];
}

/** Cancel the order: locally before the WMS, at EasyPost once it is there. */
export const cancelSignal = defineSignal<[CancelRequest]>('cancel');
/** Resend now instead of waiting for the next 01:00 (on_hold) or for a fix (error). */
export const retryNowSignal = defineSignal('retryNow');
/** The inventory pickup saw stock for the order's lines: resend without waiting for 01:00. */
export const inventoryAvailableSignal = defineSignal('inventoryAvailable');
/** EasyPost shipped (part of) the order: from the shipment pickup or a webhook. */
export const shipmentUpdateSignal = defineSignal<[ShipmentUpdate]>('shipmentUpdate');
/** Correct an order in `error` or `on_hold`; rejected with a clear message in any other state. Returns the new state. */
export const fixOrderUpdate = defineUpdate<OrderStatus, [OrderFix]>('fixOrder');
/** Where the order is and why. */
export const statusQuery = defineQuery<OrderStatusView>('status');

/** The deterministic workflow ID of a cart order: a second pull of the same order cannot start a second workflow. */
export { orderWorkflowId } from '../src/domain/order';

/** Failure types activities throw and the order workflow branches on. */
export enum OrderFailure {
  /** EasyPost lacks stock for a line: the order goes on hold. */
  InsufficientInventory = 'InsufficientInventory',
  /** The order cannot be sent as it is (address, unknown SKU or barcode, ship method): it goes to error. */
  InvalidOrder = 'InvalidOrder',
  /** EasyPost refused the merchant's key: error until an operator fixes the key and retries. */
  AuthFailed = 'AuthFailed',
  /** EasyPost will not cancel: already picked or shipped. */
  CancelRefused = 'CancelRefused',
}

/** The schedule that pulls a cart's orders, and the ID prefix of its runs. */
export function pullScheduleId(cartId: string): string {
  return `pull:${cartId}`;
}

/** The schedule that picks up a merchant's shipments from EasyPost, and the ID prefix of its runs. */
export function shipmentPickupScheduleId(merchantId: string): string {
  return `shipments:${merchantId}`;
}

/** The schedule that checks a merchant's EasyPost orders for duplicates, and the ID prefix of its runs. */
export function duplicateCheckScheduleId(merchantId: string): string {
  return `duplicates:${merchantId}`;
}

/** Every hour: a duplicate is found within the hour after it settles. */
export const DUPLICATE_CHECK_SECONDS = 3600;

/** The schedule that takes a merchant's stock snapshot from EasyPost, and the ID prefix of its runs. */
export function inventoryPickupScheduleId(merchantId: string): string {
  return `inventory-pickup:${merchantId}`;
}

/** The schedule that pushes a merchant's stock to one cart, and the ID prefix of its runs. */
export function inventoryPushScheduleId(cartId: string): string {
  return `inventory-push:${cartId}`;
}
