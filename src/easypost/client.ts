import { request, type HttpConfig, type HttpRequest } from './http';
import { PAGE_SIZE, paginate } from './paging';
import type { CreateOrderRequest, InventoryInclude } from './requests';
import {
  inventoryListSchema,
  orderListSchema,
  orderSchema,
  productListSchema,
  warehouseListSchema,
  type InventoryRow,
  type Order,
} from './schemas';
import { SHIPMENT_LOOKBACK_MS, ordersUpdatedSince, shipmentsOf, type Shipment } from './shipments';
import type { z } from 'zod';

/** Production base URL (doc §1); the simulator serves the same paths under its own origin. */
export const EASYPOST_BASE_URL = 'https://api.easypost.com/fulfillment/vendor/v2/';
/** Per-request timeout, body included; below the send activity's start-to-close timeout so a hung call is one attempt. */
export const DEFAULT_TIMEOUT_MS = 20_000;
/** `GET inventories` accepts at most 28 `product_ids[]` (doc §7). */
export const INVENTORY_IDS_PER_CALL = 28;

export interface EasyPostClientOptions {
  /** The merchant's key for the mode in use (`EZTK…` test, `EZAK…` production); the prefix is not checked (doc §1). */
  apiKey: string;
  baseUrl?: string;
  timeoutMs?: number;
  fetch?: typeof fetch;
  /** Awaited before every request (e.g. a fleet-wide rate limit); may throw a `rate_limited` EasyPostError. */
  throttle?: () => Promise<void>;
}

export interface PageOptions {
  page: number;
  perPage?: number;
}

export interface OrderListOptions {
  perPage?: number;
  /** Text search on id, description and tracking codes (doc §2); a server that ignores it returns every order. */
  query?: string;
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
  return chunks;
}

/** A client for one merchant and mode: the key and base URL are fixed at creation. */
export function createEasyPostClient(options: EasyPostClientOptions) {
  const baseUrl = options.baseUrl ?? EASYPOST_BASE_URL;
  const config: HttpConfig = {
    apiKey: options.apiKey,
    baseUrl: new URL(baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`).href,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    fetch: options.fetch ?? globalThis.fetch,
    throttle: options.throttle,
  };
  const call = <S extends z.ZodType>(spec: HttpRequest, schema: S) => request(config, spec, schema);
  const orderPath = (id: string) => `orders/${encodeURIComponent(id)}`;

  const getOrder = (id: string): Promise<Order> => call({ method: 'GET', path: orderPath(id) }, orderSchema);

  const listOrders = async ({ page, perPage = PAGE_SIZE, query }: PageOptions & OrderListOptions): Promise<Order[]> =>
    (await call({ method: 'GET', path: 'orders', query: { page, per_page: perPage, query } }, orderListSchema)).orders;

  /** Every order, newest first, page by page. */
  const iterateOrders = ({ perPage = PAGE_SIZE, query }: OrderListOptions = {}): AsyncGenerator<Order> =>
    paginate((page) => listOrders({ page, perPage, query }), perPage);

  const listProducts = async ({ page, perPage = PAGE_SIZE }: PageOptions) =>
    (await call({ method: 'GET', path: 'products', query: { page, per_page: perPage } }, productListSchema)).products;

  return {
    createOrder: (order: CreateOrderRequest): Promise<Order> =>
      call({ method: 'POST', path: 'orders', body: order }, orderSchema),

    getOrder,
    listOrders,
    iterateOrders,

    /** Cancels an order still `created`; refused with `cancel_refused` once picked. Cancelling twice is harmless. */
    async cancelOrder(id: string): Promise<Order> {
      // The Go client ignores DELETE's body; if a server sends none, read the order back instead.
      const cancelled = await call({ method: 'DELETE', path: orderPath(id) }, orderSchema.optional());
      return cancelled ?? getOrder(id);
    },

    listWarehouses: async () => (await call({ method: 'GET', path: 'warehouses' }, warehouseListSchema)).warehouses,

    listProducts,
    iterateProducts: ({ perPage = PAGE_SIZE }: { perPage?: number } = {}) =>
      paginate((page) => listProducts({ page, perPage }), perPage),

    /** One row per (product, warehouse), in calls of at most 28 ids, one after another to stay under the rate limit. */
    async getInventories(
      productIds: readonly string[],
      { includes = [] }: { includes?: readonly InventoryInclude[] } = {},
    ): Promise<InventoryRow[]> {
      const rows: InventoryRow[] = [];
      for (const ids of chunk([...new Set(productIds)], INVENTORY_IDS_PER_CALL)) {
        const query = { product_ids: ids, includes };
        rows.push(...(await call({ method: 'GET', path: 'inventories', query }, inventoryListSchema)).inventories);
      }
      return rows;
    },

    /** The shipments (picks with their trackers) of one order. */
    listShipments: async (orderId: string): Promise<Shipment[]> => shipmentsOf(await getOrder(orderId)),

    /**
     * Shipments of orders updated since `since`. There is no shipments endpoint and no time filter (doc §2, §8), so
     * this pages orders newest first and stops once they are older than the bounds; see `ordersUpdatedSince`.
     */
    async shipmentsSince(
      since: Date,
      { createdAfter = new Date(since.getTime() - SHIPMENT_LOOKBACK_MS) }: { createdAfter?: Date } = {},
    ): Promise<Shipment[]> {
      const shipments: Shipment[] = [];
      for await (const order of ordersUpdatedSince(iterateOrders(), since, createdAfter)) {
        shipments.push(...shipmentsOf(order));
      }
      return shipments;
    },
  };
}

export type EasyPostClient = ReturnType<typeof createEasyPostClient>;
