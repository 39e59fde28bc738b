import type { z } from 'zod';
import type { Malformation, orderOverridesSchema } from './control-schemas';
import { rfc2822, type BcAddress, type BcOrder, type Store, type StoreRegistry } from './state';
import { AWAITING_FULFILLMENT, ORDER_STATUSES } from './statuses';

type Overrides = z.output<typeof orderOverridesSchema>;

const SHIP_TO: BcAddress = {
  first_name: 'Ada',
  last_name: 'Lovelace',
  company: '',
  street_1: '417 Montgomery St',
  street_2: 'Floor 5',
  city: 'San Francisco',
  state: 'California',
  zip: '94104',
  country: 'United States',
  country_iso2: 'US',
  phone: '415-555-0100',
};

// Each malformation is data real stores produce: checkout apps that drop fields, products without SKUs, orders
// without a shipping method, and one order shipping to two addresses.
const MALFORM: Record<Malformation, (store: Store, order: BcOrder) => void> = {
  missing_zip: (store, order) => void (store.addresses.get(order.id)![0]!.zip = ''),
  bad_quantity: (store, order) => void (store.products.get(order.id)![0]!.quantity = 0),
  no_sku: (store, order) => void (store.products.get(order.id)![0]!.sku = ''),
  no_shipping_method: (store, order) => void (store.addresses.get(order.id)![0]!.shipping_method = ''),
  bad_country: (store, order) => void (store.addresses.get(order.id)![0]!.country_iso2 = 'United States'),
  two_addresses: (store, order) => {
    const [first] = store.addresses.get(order.id)!;
    store.addresses.set(order.id, [first!, { ...first!, id: first!.id + 100_000, first_name: 'Charles' }]);
  },
};

const link = (base: string, id: number, resource: string) => ({
  url: `${base}/v2/orders/${id}/${resource}`,
  resource: `/orders/${id}/${resource}`,
});

/** The order's links to its sub-resources; a restored order gets this run's, as the port may have changed. */
export const orderLinks = (apiBase: string, id: number) => ({
  products: link(apiBase, id, 'products'),
  shipping_addresses: link(apiBase, id, 'shipping_addresses'),
});

/** An Awaiting Fulfillment order as checkout leaves it; `overrides` replace the defaults, then `malformed` breaks one thing. */
export function createOrder(
  registry: StoreRegistry,
  store: Store,
  apiBase: string,
  overrides: Overrides = {},
  malformed?: Malformation,
  now = new Date(),
): BcOrder {
  const id = registry.orderId();
  const created = overrides.date_created ?? rfc2822(now);
  const statusId = overrides.status_id ?? AWAITING_FULFILLMENT;
  const lines = overrides.products ?? [{ sku: 'SOCK-CHAR-M', quantity: 1 }];
  const address = {
    ...SHIP_TO,
    ...overrides.shipping_address,
    id: registry.id(),
    order_id: id,
    email: 'ada@example.com',
    items_total: lines.reduce((sum, line) => sum + line.quantity, 0),
    items_shipped: 0,
    shipping_method: overrides.shipping_method ?? 'Flat Rate',
  };
  const order: BcOrder = {
    id,
    customer_id: 0,
    date_created: created,
    date_modified: overrides.date_modified ?? created,
    date_shipped: '',
    status_id: statusId,
    status: ORDER_STATUSES[statusId] ?? 'Unknown',
    customer_message: overrides.customer_message ?? '',
    staff_notes: '',
    items_total: address.items_total,
    items_shipped: 0,
    total_inc_tax: '42.0000',
    currency_code: 'USD',
    billing_address: { ...SHIP_TO, email: 'ada@example.com' },
    ...orderLinks(apiBase, id),
  };
  store.orders.set(id, order);
  store.addresses.set(id, [address]);
  store.products.set(
    id,
    lines.map((line) => {
      const variant = store.variants.get(line.sku);
      return {
        id: registry.id(),
        order_id: id,
        product_id: variant?.product_id ?? 0,
        variant_id: variant?.id ?? 0,
        order_address_id: address.id,
        name: line.name ?? variant?.name ?? `Item ${line.sku}`,
        sku: line.sku,
        quantity: line.quantity,
        quantity_shipped: 0,
      };
    }),
  );
  store.shipments.set(id, []);
  if (malformed) MALFORM[malformed](store, order);
  return order;
}

/** Sets the status as `PUT /v2/orders/{id}` and the control panel do; any change moves date_modified. */
export function setStatus(order: BcOrder, statusId: number, now = new Date()): void {
  if (order.status_id === statusId) return;
  order.status_id = statusId;
  order.status = ORDER_STATUSES[statusId] ?? 'Unknown';
  order.date_modified = rfc2822(now);
}
