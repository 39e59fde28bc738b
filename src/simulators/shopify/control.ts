import { randomBytes } from 'node:crypto';
import { toInjectedFault } from '../shared/fault-input';
import type { BasicControl } from '../shared/control-routes';
import type { SimContext } from './context';
import { ControlError, parseControl } from './control-error';
import {
  cancelSchema,
  faultSchema,
  inventoryItemsSchema,
  LATE_REQUEST,
  NOTIFICATION_FAULT_KINDS,
  orderSchema,
  requestSchema,
  shopSchema,
  type CancelInput,
  type FaultInput,
  type FaultKind,
  type InventoryItemsInput,
  type NotificationFaultInput,
  type OrderInput,
  type RequestInput,
  type ShopInput,
} from './control-schemas';
import { numericTail } from './ids';
import type { NotificationDelivery } from './notifications';
import { cancelOrder, createOrder, requestFulfillment } from './orders';
import { assignmentStatusOf, inventoryItemFor, newShop, type FulfillmentOrderRecord, type ShopState } from './state';

/** What a new shop's app install gives epf: where to call, the token, our service's location, the app's secret. */
export interface ShopCredentials {
  shop_id: string;
  shop_url: string;
  access_token: string;
  location_id: string;
  client_secret: string;
}

export interface FulfillmentServiceSummary {
  id: string;
  service_name: string;
  location_id: string;
  callback_url: string | null;
  tracking_support: boolean;
  inventory_management: boolean;
}

export interface FulfillmentOrderSummary {
  id: string;
  order_id: string;
  order_name: string;
  status: string;
  request_status: string;
  assignment_status: string | null;
  /** The message we sent with our last accept or reject. */
  last_message: string | null;
  lines: { id: string; sku: string | null; total_quantity: number; remaining_quantity: number }[];
}

export interface FulfillmentSummary {
  id: string;
  fulfillment_order_id: string;
  order_name: string;
  tracking: { company: string | null; number: string | null; url: string | null };
  notify_customer: boolean;
  lines: { line_item_id: string; sku: string | null; quantity: number }[];
  created_at: string;
}

export interface InventoryLevelSummary {
  sku: string;
  inventory_item_id: string;
  /** Null until epf sets it. */
  available: number | null;
}

/**
 * The simulator's control surface, in process. `/__sim/` exposes the same operations over HTTP; inputs have the
 * HTTP bodies' shapes, and every result is a copy.
 */
export interface ShopifySimControl extends BasicControl<FaultInput, FaultKind> {
  /** Forgets shops, faults and the request log. */
  reset(): void;
  createShop(input?: ShopInput): ShopCredentials;
  /** A new order with its fulfillment order requested from our service (or not yet: `unrequested`, late_request). */
  createOrder(input: OrderInput): FulfillmentOrderSummary;
  /** The buyer cancels order `orderId` (gid or number). */
  cancelOrder(orderId: string, input?: CancelInput): FulfillmentOrderSummary;
  /** The merchant requests fulfillment order `id` (gid or number) late: a hold released, a schedule come due. */
  requestFulfillment(id: string, input?: RequestInput): FulfillmentOrderSummary;
  /** Registers SKUs in the shop's catalogue (orders register theirs on their own). */
  addInventoryItems(input: InventoryItemsInput): InventoryLevelSummary[];
  fulfillmentOrders(shopId: string): FulfillmentOrderSummary[];
  fulfillments(shopId: string): FulfillmentSummary[];
  inventory(shopId: string): InventoryLevelSummary[];
  /** Our app's fulfillment services in the shop: where their callbacks go. */
  fulfillmentServices(shopId: string): FulfillmentServiceSummary[];
  /** The callbacks Shopify made (or lost) since the last reset or clear of the request log, optionally one shop's. */
  notifications(shopId?: string): NotificationDelivery[];
  /** The GraphQL operations the shop ran, by name: what a pull read and wrote. */
  operations(shopId: string): Record<string, number>;
  /** Faults that fired since the last reset or clear of the request log, by kind, `late_request` included. */
  faultCounts(): Record<string, number>;
}

const isNotificationFault = (fault: { kind: string }): fault is NotificationFaultInput =>
  (NOTIFICATION_FAULT_KINDS as readonly string[]).includes(fault.kind);

function summarise(shop: ShopState, fo: FulfillmentOrderRecord): FulfillmentOrderSummary {
  return {
    id: fo.id,
    order_id: fo.orderId,
    order_name: shop.orders.get(fo.orderId)?.name ?? '',
    status: fo.status,
    request_status: fo.requestStatus,
    assignment_status: assignmentStatusOf(fo) ?? null,
    last_message: fo.lastMessage,
    lines: fo.lineItems.map((line) => ({
      id: line.id,
      sku: line.sku,
      total_quantity: line.totalQuantity,
      remaining_quantity: line.remainingQuantity,
    })),
  };
}

function levels(shop: ShopState, skus: Iterable<string>): InventoryLevelSummary[] {
  return [...skus].map((sku) => {
    const id = shop.inventoryItems.get(sku)!;
    return { sku, inventory_item_id: id, available: shop.available.get(id) ?? null };
  });
}

/** The typed control over one simulator; `baseUrl` is the server's address once it listens. */
export function createControl(context: SimContext, baseUrl: () => string): ShopifySimControl {
  const shopFor = (id: string): ShopState => {
    const shop = context.shops.get(id);
    if (!shop) throw new ControlError(404, `shop: no shop ${id}`);
    context.lateRequests.releaseDue(shop, context.ids);
    return shop;
  };

  return {
    reset: () => context.reset(),

    createShop(input = {}) {
      const parsed = parseControl(shopSchema, input);
      const id = parsed.id ?? `shop-${context.shops.size + 1}`;
      if (context.shops.has(id)) throw new ControlError(409, `id: shop ${id} exists`);
      const shop = newShop(context.ids, {
        id,
        name: parsed.name ?? id,
        // Shopify's offline tokens look like `shpat_` and 32 hex characters.
        accessToken: parsed.access_token ?? `shpat_${randomBytes(16).toString('hex')}`,
        clientSecret: parsed.client_secret ?? randomBytes(16).toString('hex'),
        bucket: { maximumAvailable: parsed.bucket.maximum_available, restoreRate: parsed.bucket.restore_rate },
      });
      context.shops.set(id, shop);
      return {
        shop_id: id,
        shop_url: `${baseUrl()}/shops/${id}`,
        access_token: shop.accessToken,
        location_id: shop.locationId,
        client_secret: shop.clientSecret,
      };
    },

    createOrder(input) {
      const parsed = parseControl(orderSchema, input);
      const shop = shopFor(parsed.shop);
      const lateRule = parsed.unrequested ? undefined : context.lateRequests.draw();
      const unrequested = parsed.unrequested ?? (lateRule ? 'unsubmitted' : undefined);
      const fo = createOrder(shop, context.ids, parsed.order, { malformed: parsed.malformed, unrequested });
      if (lateRule) context.lateRequests.hold(shop, fo, lateRule);
      if (fo.requestStatus === 'SUBMITTED') context.notifications.send(shop, 'FULFILLMENT_REQUEST');
      return summarise(shop, fo);
    },

    cancelOrder(orderId, input = {}) {
      const { reason } = parseControl(cancelSchema, input);
      for (const shop of context.shops.values()) {
        const fo = [...shop.fulfillmentOrders.values()].find((f) => numericTail(f.orderId) === numericTail(orderId));
        if (!fo) continue;
        if (fo.status === 'CLOSED' || fo.status === 'CANCELLED') {
          throw new ControlError(409, `order ${orderId} is ${fo.status.toLowerCase()}`);
        }
        cancelOrder(shop, context.ids, fo, reason ?? 'Customer changed their mind');
        // A withdrawn request leaves us nothing to answer; only a cancellation request is sent.
        if (fo.requestStatus === 'CANCELLATION_REQUESTED') context.notifications.send(shop, 'CANCELLATION_REQUEST');
        return summarise(shop, fo);
      }
      throw new ControlError(404, `no order ${orderId}`);
    },

    requestFulfillment(id, input = {}) {
      const { message } = parseControl(requestSchema, input);
      for (const shop of context.shops.values()) {
        const fo = [...shop.fulfillmentOrders.values()].find((f) => numericTail(f.id) === numericTail(id));
        if (!fo) continue;
        if (!requestFulfillment(context.ids, fo, message ?? null)) {
          throw new ControlError(
            409,
            `fulfillment order ${id} is ${fo.status.toLowerCase()}, request ${fo.requestStatus}`,
          );
        }
        shop.heldRequests.delete(fo.id);
        context.notifications.send(shop, 'FULFILLMENT_REQUEST');
        return summarise(shop, fo);
      }
      throw new ControlError(404, `no fulfillment order ${id}`);
    },

    addInventoryItems(input) {
      const parsed = parseControl(inventoryItemsSchema, input);
      const shop = shopFor(parsed.shop);
      for (const sku of parsed.skus) inventoryItemFor(shop, context.ids, sku);
      return levels(shop, parsed.skus);
    },

    fulfillmentOrders: (shopId) => {
      const shop = shopFor(shopId);
      return [...shop.fulfillmentOrders.values()].map((fo) => summarise(shop, fo));
    },

    fulfillments(shopId) {
      const shop = shopFor(shopId);
      return shop.fulfillments.map((fulfillment) => {
        const fo = shop.fulfillmentOrders.get(fulfillment.fulfillmentOrderId);
        return {
          id: fulfillment.id,
          fulfillment_order_id: fulfillment.fulfillmentOrderId,
          order_name: (fo && shop.orders.get(fo.orderId)?.name) ?? '',
          tracking: { ...fulfillment.tracking },
          notify_customer: fulfillment.notifyCustomer,
          lines: fulfillment.lines.map((line) => ({
            line_item_id: line.lineItemId,
            sku: fo?.lineItems.find((item) => item.id === line.lineItemId)?.sku ?? null,
            quantity: line.quantity,
          })),
          created_at: fulfillment.createdAt,
        };
      });
    },

    inventory: (shopId) => {
      const shop = shopFor(shopId);
      return levels(shop, shop.inventoryItems.keys());
    },

    fulfillmentServices: (shopId) =>
      [...shopFor(shopId).fulfillmentServices.values()].map((service) => ({
        id: service.id,
        service_name: service.serviceName,
        location_id: service.locationId,
        callback_url: service.callbackUrl,
        tracking_support: service.trackingSupport,
        inventory_management: service.inventoryManagement,
      })),
    notifications: (shopId) => context.notifications.list(shopId),
    operations: (shopId) => Object.fromEntries(shopFor(shopId).operations),
    faultCounts: () => context.faultCounts(),

    requests: () => context.requests.list(),
    clearRequests: () => context.clearCounts(),

    addFault(input) {
      const parsed = parseControl(faultSchema, input);
      if (parsed.kind === LATE_REQUEST) return context.lateRequests.add(parsed);
      if (isNotificationFault(parsed)) return context.notifications.add(parsed);
      return context.faults.add(toInjectedFault(parsed.operation, parsed));
    },
    removeFault(id) {
      context.faults.remove(id);
      context.lateRequests.remove(id);
      context.notifications.remove(id);
    },
    clearFaults() {
      context.faults.clear();
      context.lateRequests.clear();
      context.notifications.clear();
    },
  };
}
