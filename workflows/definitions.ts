// The contract shared by workflows, the worker, clients, the dev launcher and tests: defined once, imported everywhere.
import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { CartLine } from '../src/domain/cart-line';
import type { OrderDelivery } from '../src/domain/delivery-clock';
import type { Address, CartOrder, OrderDraft, OrderIdentity } from '../src/domain/order';
import type { OrderStatus } from '../src/domain/order-status';
import type * as workflows from './index';

export type { CartLine };
export { OrderFailure } from '../src/domain/failure-types';
export {
  duplicateCheckScheduleId,
  EXCEPTIONS_ALERT_SCHEDULE_ID,
  healthCheckWorkflowId,
  inventoryPickupScheduleId,
  inventoryPushScheduleId,
  orderWorkflowId,
  parseOrderWorkflowId,
  pullScheduleId,
  shipmentPickupScheduleId,
} from './ids';

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

/**
 * Workflow types, for clients that start a workflow or a schedule by name (Temporal names a type after its export in
 * workflows/index.ts, which the `satisfies` checks). Saved histories and running orders carry these names.
 */
export const WorkflowType = {
  order: 'orderWorkflow',
  pullOrders: 'pullOrdersWorkflow',
  shipmentPickup: 'shipmentPickupWorkflow',
  inventoryPickup: 'inventoryPickupWorkflow',
  inventoryPush: 'inventoryPushWorkflow',
  duplicateCheck: 'duplicateCheckWorkflow',
  exceptionsAlert: 'exceptionsAlertWorkflow',
  healthCheck: 'healthCheckWorkflow',
} as const satisfies Record<string, keyof typeof workflows>;

/** Every hour: a duplicate is found within the hour after it settles. */
export const DUPLICATE_CHECK_SECONDS = 3600;

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
  /** The warehouse EasyPost's order names, when it names one; absent in older signals. */
  warehouseId?: string;
}

/** Operator corrections for an order in `error` or `on_hold`; every field optional, the result is re-validated. */
export interface OrderFix {
  shipTo?: Partial<Address>;
  /** lineId → replacement cart SKU (e.g. after adding the right alias is not wanted). */
  skus?: Record<string, string>;
  shipMethod?: string;
  note?: string;
}

/** When the order goes to EasyPost and how its tracking goes back to the cart. */
export interface OrderTimings {
  delivery: OrderDelivery;
  trackingUploadSeconds: number;
}

/** Where the order is and why; all of it survives continue-as-new. */
export interface OrderState {
  status: OrderStatus;
  easyPostOrderId?: string;
  /** EasyPost's warehouse once it answered a send; until then the one the routing rules chose. */
  warehouseId?: string;
  /** The warehouse the routing rules chose when the order was last prepared (sent as `warehouse_id` under `rules`). */
  chosenWarehouseId?: string;
  holdCount: number;
  nextResendAt?: string;
  /** While `received`: when the order goes to EasyPost (the merchant's grace delay or delivery slots). */
  deliverAt?: string;
  /** While `sending`: when its turn under the merchant's EasyPost rate comes (only when sends are queued). */
  sendAt?: string;
  /** The merchant's and cart's timing settings, read once when the order is received. */
  timings?: OrderTimings;
  /** When the first send began: the lower bound for finding an order an earlier attempt created. */
  firstSendAt?: string;
  /** `type` is an `OrderFailure` value. */
  lastError?: { message: string; field?: string; type?: string };
  cancelReason?: string;
  shipments: ShipmentUpdate[];
  trackingPushed: string[];
}

/** The `status` query's answer and the order workflow's result: its state, and which order it is. */
export type OrderStatusView = OrderState & OrderIdentity;

export interface OrderWorkflowInput {
  /** A validated order, or the draft of a malformed one (it waits in `error` for a fix). */
  order: CartOrder | OrderDraft;
  /** Set only by continue-as-new. */
  state?: OrderState;
}

/** One transition of an order, as the workflow reports it to the orders index and audit log. */
export interface OrderTransition extends OrderIdentity {
  workflowId: string;
  status: OrderStatus;
  easyPostOrderId?: string;
  warehouseId?: string;
  /** The message of the workflow's lastError; its field and type come from `detail.error`, as the workflow sends it. */
  lastError?: string;
  holdCount: number;
  nextResendAt?: string;
  summary: string;
  /** Who caused it: `workflow`, or `operator`/`cart` for cancels. */
  actor: string;
  detail?: Record<string, unknown>;
  /** The order's cart lines, sent when they are new (received, fixed); undefined keeps the stored ones. */
  lines?: CartLine[];
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
