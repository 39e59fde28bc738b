import type { FilteredLine } from '../domain/item-filter';
import type { CartOrder, FieldProblem, OrderDraft } from '../domain/order';

/** Every cart API call's timeout, body included, unless the adapter is given another. */
export const CART_REQUEST_TIMEOUT_MS = 30_000;

/**
 * One order the cart returned, already accounted for: a valid order to start, a malformed one (never dropped: it
 * becomes an order in `error` naming the field), one the cart cancelled, or one a rule skips (the rule named).
 */
export type PulledOrder =
  /** `filtered`: lines the cart's item filter kept out of `order` (set by the pull's rules, never by an adapter). */
  | { kind: 'order'; order: CartOrder; filtered?: FilteredLine[] }
  | { kind: 'malformed'; draft: OrderDraft; problems: FieldProblem[] }
  | { kind: 'cancelled'; cartOrderId: string; cartOrderNumber: string; reason: string }
  | { kind: 'skipped'; cartOrderId: string; cartOrderNumber: string; rule: string };

/** A page of the cart's new or changed orders; `cursor` resumes after it (opaque, stored per cart). */
export interface OrderPage {
  orders: PulledOrder[];
  cursor: string;
  hasMore: boolean;
}

/** A shipment to tell the cart about: carrier, tracking and the cart lines it carried (partial shipments). */
export interface TrackingPush {
  cartOrderId: string;
  /** Our shipment ID (EasyPost pick): pushing the same shipment twice must change nothing. */
  shipmentId: string;
  carrier: string;
  trackingCode: string;
  trackingUrl?: string;
  /** The cart's own line IDs (CartOrder.lines[].lineId) and the quantities shipped in this package. */
  lines: { lineId: string; quantity: number }[];
  /** True when this package completes the order. */
  orderComplete: boolean;
}

/** A stock level for one cart SKU, as the cart should show it. */
export interface InventoryLevel {
  sku: string;
  quantity: number;
}

/**
 * What a webhook check did: `registered` (created, or repaired to point at us), `unchanged` (already right), or
 * `no_secret` (the cart's credentials hold no key to verify the cart's signatures with, so none is registered).
 */
export type WebhookCheck = 'registered' | 'unchanged' | 'no_secret';

/**
 * What epf needs from an order source. Shopify and WooCommerce implement it in src/carts/<type>/; a new cart is one
 * folder plus one line in src/carts/registry.ts. Every method is safe to retry: activities call them under Temporal
 * retry policies, so transient failures throw and business refusals throw `CartRefusal`.
 */
export interface CartAdapter {
  /** New or changed orders after `cursor` (undefined: from the cart's configured start), one page at a time. */
  listOrders(cursor: string | undefined): Promise<OrderPage>;
  /** Tells the cart we took the order (Shopify: accept the fulfillment request). */
  acceptOrder(cartOrderId: string): Promise<void>;
  /** Answers the cart's cancellation request once EasyPost has (Shopify: accept or reject the request). */
  answerCancellation(cartOrderId: string, outcome: { accepted: boolean; reason: string }): Promise<void>;
  /** Records a shipment with tracking in the cart (Shopify: fulfillmentCreate; WooCommerce: note, then complete). */
  pushTracking(push: TrackingPush): Promise<void>;
  /** Sets stock levels, in the cart's batch sizes; returns how many calls it made. */
  pushInventory(levels: InventoryLevel[]): Promise<{ batches: number }>;
  /**
   * Makes sure the cart tells epf of new orders at `baseUrl` (`<PUBLIC_API_URL>webhooks/carts/<cartId>`, the cart
   * type's own tail appended), registering or repairing its webhook. Carts without webhooks leave it out.
   */
  ensureWebhook?(baseUrl: string): Promise<WebhookCheck>;
}

/** The cart refused a request for a business reason (unknown order, order closed, ...): retrying will not help. */
export class CartRefusal extends Error {
  override readonly name = 'CartRefusal';
}
