import type { BasicControl } from '../shared/control-routes';
import type { SimContext } from './context';
import {
  orderSchema,
  productSchema,
  storeSchema,
  type FaultInput,
  type FaultKind,
  type OrderInput,
  type ProductInput,
  type StoreInput,
} from './control-schemas';
import { BcError, notFound } from './errors';
import { createOrder, setStatus } from './orders';
import { storeApiBase } from './paths';
import type { BcOrder, BcOrderProduct, BcShipment, BcShippingAddress, BcVariant, Store } from './state';
import { CANCELLED } from './statuses';
import { parseParams } from './validation';

export interface StoreKeys {
  store: string;
  /** What epf's credentials take as `apiUrl`; the store's API is `${api_url}/stores/${store}/`. */
  api_url: string;
  access_token: string;
}

/** An order with everything epf reads or writes about it. */
export type OrderView = BcOrder & {
  order_products: BcOrderProduct[];
  order_shipping_addresses: BcShippingAddress[];
  shipments: BcShipment[];
};

/** A catalog variant and its stock per location (`{"1": 12}`). */
export interface StockView {
  id: number;
  sku: string;
  name: string;
  inventory: Record<string, number>;
}

/**
 * The simulator's control surface, in process. `/__sim/` exposes the same operations over HTTP;
 * inputs have the HTTP bodies' shapes, and every result is a copy (changing it changes nothing).
 */
export interface BigCommerceSimControl extends BasicControl<FaultInput, FaultKind> {
  /** Forgets stores, faults and the request log. */
  reset(): void;
  createStore(input?: StoreInput): StoreKeys;
  /** A checkout: an Awaiting Fulfillment order unless `order.status_id` says otherwise. */
  createOrder(input: OrderInput): OrderView;
  /** The merchant cancels an order in the control panel (status 5). */
  cancelOrder(id: number): OrderView;
  /** Creates or updates the product with this SKU and its stock per location. */
  setProduct(input: ProductInput): StockView;
  orders(store: string): OrderView[];
  stock(store: string): StockView[];
}

function storeFor(context: SimContext, hash: string): Store {
  const store = context.registry.stores.get(hash);
  if (!store) throw new BcError(404, `store: no store ${hash}`, 'v3');
  return store;
}

function viewOf(store: Store, order: BcOrder): OrderView {
  return structuredClone({
    ...order,
    order_products: store.products.get(order.id) ?? [],
    order_shipping_addresses: store.addresses.get(order.id) ?? [],
    shipments: store.shipments.get(order.id) ?? [],
  });
}

const stockOf = (variant: BcVariant): StockView => ({
  id: variant.id,
  sku: variant.sku,
  name: variant.name,
  inventory: Object.fromEntries([...variant.inventory].map(([location, quantity]) => [String(location), quantity])),
});

export function createControl(context: SimContext): BigCommerceSimControl {
  const { registry } = context;
  return {
    reset() {
      registry.reset();
      context.faults.rules.clear();
      context.requests.clear();
    },

    createStore(input = {}) {
      const parsed = parseParams(storeSchema, input);
      if (parsed.hash && registry.stores.has(parsed.hash)) throw new BcError(409, `store ${parsed.hash} exists`, 'v3');
      const store = registry.createStore({
        hash: parsed.hash,
        name: parsed.name,
        accessToken: parsed.access_token,
        quota: { requests: parsed.quota, windowMs: parsed.window_ms },
        locations: parsed.locations,
      });
      return { store: store.hash, api_url: context.baseUrl, access_token: store.accessToken };
    },

    createOrder(input) {
      const parsed = parseParams(orderSchema, input);
      const store = storeFor(context, parsed.store);
      const apiBase = storeApiBase(context.baseUrl, store.hash);
      return viewOf(store, createOrder(registry, store, apiBase, parsed.order, parsed.malformed));
    },

    cancelOrder(id) {
      const store = registry.storeOfOrder(id);
      const order = store?.orders.get(id);
      if (!store || !order) throw notFound('v3');
      setStatus(order, CANCELLED);
      return viewOf(store, order);
    },

    setProduct(input) {
      const parsed = parseParams(productSchema, input);
      const store = storeFor(context, parsed.store);
      const existing = store.variants.get(parsed.sku);
      const variant = existing ?? {
        id: registry.id(),
        product_id: registry.id(),
        sku: parsed.sku,
        name: parsed.name ?? parsed.sku,
        inventory: new Map(store.locations.map((location) => [location, 0])),
      };
      for (const [location, quantity] of Object.entries(parsed.stock))
        variant.inventory.set(Number(location), quantity);
      store.variants.set(variant.sku, variant);
      return structuredClone(stockOf(variant));
    },

    orders(hash) {
      const store = storeFor(context, hash);
      return [...store.orders.values()].map((order) => viewOf(store, order));
    },

    stock: (hash) => [...storeFor(context, hash).variants.values()].map((variant) => structuredClone(stockOf(variant))),
    requests: () => context.requests.list(),
    clearRequests: () => context.requests.clear(),
    addFault: (input) => context.faults.add(input),
    removeFault: (id) => context.faults.rules.remove(id),
    clearFaults: () => context.faults.rules.clear(),
  };
}
