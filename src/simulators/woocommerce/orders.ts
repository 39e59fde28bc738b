import type { z } from 'zod';
import type { Malformation, orderOverridesSchema } from './control-schemas';
import type { Site, SiteStore, WooAddress, WooOrder } from './state';
import { wpDate } from './state';

type Overrides = z.output<typeof orderOverridesSchema>;

const SHIP_TO: WooAddress = {
  first_name: 'Ada',
  last_name: 'Lovelace',
  company: '',
  address_1: '417 Montgomery St',
  address_2: 'Floor 5',
  city: 'San Francisco',
  state: 'CA',
  postcode: '94104',
  country: 'US',
  phone: '415-555-0100',
};

// Each malformation is data real stores produce: checkout plugins that drop fields, free-text countries,
// products without SKUs or deleted since the sale, virtual-looking orders without shipping.
const MALFORM: Record<Malformation, (order: WooOrder) => void> = {
  missing_postcode: (order) => void (order.shipping.postcode = ''),
  bad_quantity: (order) => void (order.line_items[0]!.quantity = 0),
  no_sku: (order) => void (order.line_items[0]!.sku = ''),
  no_shipping_method: (order) => void (order.shipping_lines = []),
  bad_country: (order) => void (order.shipping.country = 'United States'),
};

/** A processing order as checkout leaves it; `overrides` replace the defaults, then `malformed` breaks one thing. */
export function createOrder(
  store: SiteStore,
  site: Site,
  overrides: Overrides = {},
  malformed?: Malformation,
  now = new Date(),
): WooOrder {
  const id = store.postId();
  const created = overrides.date_created_gmt ?? wpDate(now);
  const modified = overrides.date_modified_gmt ?? created;
  const productBySku = new Map([...site.products.values()].map((product) => [product.sku, product.id]));
  const order: WooOrder = {
    id,
    parent_id: 0,
    number: overrides.number ?? String(id),
    status: overrides.status ?? 'processing',
    currency: 'USD',
    total: '42.00',
    date_created: created,
    date_created_gmt: created,
    date_modified: modified,
    date_modified_gmt: modified,
    date_completed_gmt: null,
    customer_note: overrides.customer_note ?? '',
    billing: { ...SHIP_TO, email: 'ada@example.com', ...overrides.billing },
    shipping: { ...SHIP_TO, ...overrides.shipping },
    line_items: (overrides.line_items ?? [{ sku: 'SOCK-CHAR-M', quantity: 1 }]).map((line) => ({
      id: store.itemId(),
      name: line.name ?? `Item ${line.sku ?? ''}`.trim(),
      product_id: (line.sku && productBySku.get(line.sku)) || 0,
      variation_id: 0,
      quantity: line.quantity,
      sku: line.sku,
      total: '10.00',
    })),
    shipping_lines: (overrides.shipping_lines ?? [{ method_id: 'flat_rate', method_title: 'Flat rate' }]).map(
      (line) => ({ id: store.itemId(), ...line, total: '5.00' }),
    ),
    meta_data: (overrides.meta_data ?? []).map((meta) => ({ id: store.itemId(), ...meta })),
  };
  if (malformed) MALFORM[malformed](order);
  site.orders.set(id, order);
  return order;
}

/** Records a change the way WooCommerce's save() does: the modified date moves to now. */
export function touch(record: Pick<WooOrder, 'date_modified' | 'date_modified_gmt'>, now = new Date()): void {
  record.date_modified = record.date_modified_gmt = wpDate(now);
}

/** Sets the status as `PUT orders/{id}` and the admin screen do; completing stamps date_completed. */
export function setStatus(order: WooOrder, status: string, now = new Date()): void {
  if (order.status === status) return;
  order.status = status;
  if (status === 'completed') order.date_completed_gmt = wpDate(now);
  touch(order, now);
}
