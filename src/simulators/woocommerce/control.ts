import type { BasicControl } from '../shared/control-routes';
import type { SimContext } from './context';
import {
  orderSchema,
  productSchema,
  siteSchema,
  type FaultInput,
  type FaultKind,
  type OrderInput,
  type ProductInput,
  type SiteInput,
} from './control-schemas';
import { WpError } from './errors';
import { createOrder, setStatus } from './orders';
import {
  wpDate,
  type Site,
  type WooNote,
  type WooOrder,
  type WooProduct,
  type WooTracking,
  type WooWebhook,
} from './state';
import { parseParams } from './validation';

export interface SiteKeys {
  site: string;
  /** What a merchant types as the store URL; the REST API is under `${site_url}/wp-json/`. */
  site_url: string;
  consumer_key: string;
  consumer_secret: string;
  shipment_tracking: boolean;
}

/** An order with what epf did to it: notes and tracking items (status changes show in `status`). */
export type OrderView = WooOrder & { notes: WooNote[]; shipment_trackings: WooTracking[] };

/**
 * The simulator's control surface, in process. `/__sim/` exposes the same operations over HTTP;
 * inputs have the HTTP bodies' shapes, and every result is a copy (changing it changes nothing).
 */
export interface WooCommerceSimControl extends BasicControl<FaultInput, FaultKind> {
  /** Forgets stores, faults and the request log. */
  reset(): void;
  createSite(input?: SiteInput): SiteKeys;
  /** A checkout: a processing order unless `order.status` says otherwise. */
  createOrder(input: OrderInput): WooOrder;
  /** The merchant cancels an order in wp-admin. */
  cancelOrder(id: number): WooOrder;
  /** Creates or updates the product with this SKU, stock managed. */
  setProduct(input: ProductInput): WooProduct;
  orders(site: string): OrderView[];
  stock(site: string): WooProduct[];
  /** The store's webhooks with their secret and `failure_count`, which the REST API does not show. */
  webhooks(site: string): WooWebhook[];
  /** While `down`, every delivery of the store fails as if its URL could not be reached (WooCommerce counts it). */
  setDeliveryOutage(site: string, down: boolean): void;
  /** Resolves when the deliveries under way have ended. */
  deliveriesSettled(): Promise<void>;
}

function siteFor(context: SimContext, id: string): Site {
  const site = context.store.sites.get(id);
  if (!site) throw new WpError(404, 'sim_unknown_site', `site: no store ${id}`);
  return site;
}

function keysOf(context: SimContext, site: Site): SiteKeys {
  return {
    site: site.id,
    site_url: `${context.baseUrl}/sites/${site.id}`,
    consumer_key: site.consumerKey,
    consumer_secret: site.consumerSecret,
    shipment_tracking: site.shipmentTracking,
  };
}

export function createControl(context: SimContext): WooCommerceSimControl {
  const { store } = context;
  return {
    reset() {
      store.reset();
      context.faults.rules.clear();
      context.requests.clear();
    },

    createSite(input = {}) {
      const parsed = parseParams(siteSchema, input);
      if (parsed.id && store.sites.has(parsed.id))
        throw new WpError(409, 'sim_site_exists', `site ${parsed.id} exists`);
      const site = store.createSite({
        id: parsed.id,
        name: parsed.name,
        shipmentTracking: parsed.shipment_tracking,
        consumerKey: parsed.consumer_key,
        consumerSecret: parsed.consumer_secret,
      });
      return keysOf(context, site);
    },

    createOrder(input) {
      const parsed = parseParams(orderSchema, input);
      const site = siteFor(context, parsed.site);
      const order = createOrder(store, site, parsed.order, parsed.malformed);
      context.deliveries.orderEvent(site, 'order.created', order);
      return structuredClone(order);
    },

    cancelOrder(id) {
      const site = store.siteOfOrder(id);
      const order = site?.orders.get(id);
      if (!site || !order) throw new WpError(404, 'woocommerce_rest_shop_order_invalid_id', 'Invalid ID.');
      const changed = order.status !== 'cancelled';
      setStatus(order, 'cancelled');
      if (changed) context.deliveries.orderEvent(site, 'order.updated', order);
      return structuredClone(order);
    },

    setProduct(input) {
      const parsed = parseParams(productSchema, input);
      const site = siteFor(context, parsed.site);
      const now = wpDate(new Date());
      const existing = [...site.products.values()].find((product) => product.sku === parsed.sku);
      const product: WooProduct = existing ?? {
        id: store.postId(),
        name: parsed.name ?? parsed.sku,
        sku: parsed.sku,
        type: 'simple',
        status: 'publish',
        manage_stock: true,
        stock_quantity: null,
        stock_status: 'instock',
        date_modified: now,
        date_modified_gmt: now,
      };
      product.stock_quantity = parsed.stock;
      product.manage_stock = parsed.stock !== null;
      product.stock_status = (parsed.stock ?? 1) > 0 ? 'instock' : 'outofstock';
      site.products.set(product.id, product);
      return structuredClone(product);
    },

    orders(siteId) {
      const site = siteFor(context, siteId);
      return structuredClone(
        [...site.orders.values()].map((order) => ({
          ...order,
          notes: site.notes.get(order.id) ?? [],
          shipment_trackings: site.trackings.get(order.id) ?? [],
        })),
      );
    },

    stock: (siteId) => structuredClone([...siteFor(context, siteId).products.values()]),
    webhooks: (siteId) => structuredClone([...siteFor(context, siteId).webhooks.values()]),
    setDeliveryOutage(siteId, down) {
      siteFor(context, siteId).deliveryOutage = down;
    },
    deliveriesSettled: () => context.deliveries.settled(),
    requests: () => context.requests.list(),
    clearRequests: () => context.requests.clear(),
    addFault: (input) => context.faults.add(input),
    removeFault: (id) => context.faults.rules.remove(id),
    clearFaults: () => context.faults.rules.clear(),
  };
}
