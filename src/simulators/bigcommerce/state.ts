import { randomBytes } from 'node:crypto';
import { z } from 'zod';

// The records a store keeps, as zod schemas: the types come from them, and a state file is checked against them.

export const addressSchema = z.object({
  first_name: z.string(),
  last_name: z.string(),
  company: z.string(),
  street_1: z.string(),
  street_2: z.string(),
  city: z.string(),
  state: z.string(),
  zip: z.string(),
  country: z.string(),
  country_iso2: z.string(),
  phone: z.string(),
});
export type BcAddress = z.infer<typeof addressSchema>;

const linkSchema = z.object({ url: z.string(), resource: z.string() });

/** A V2 order, the fields the simulator keeps (docs/bigcommerce-api.md §4). */
const orderSchema = z.object({
  id: z.number().int(),
  customer_id: z.number().int(),
  date_created: z.string(),
  date_modified: z.string(),
  date_shipped: z.string(),
  status_id: z.number().int(),
  status: z.string(),
  customer_message: z.string(),
  staff_notes: z.string(),
  items_total: z.number().int(),
  items_shipped: z.number().int(),
  total_inc_tax: z.string(),
  currency_code: z.string(),
  billing_address: addressSchema.extend({ email: z.string() }),
  products: linkSchema,
  shipping_addresses: linkSchema,
});
export type BcOrder = z.infer<typeof orderSchema>;

const shippingAddressSchema = addressSchema.extend({
  id: z.number().int(),
  order_id: z.number().int(),
  email: z.string(),
  items_total: z.number().int(),
  items_shipped: z.number().int(),
  shipping_method: z.string(),
});
export type BcShippingAddress = z.infer<typeof shippingAddressSchema>;

const orderProductSchema = z.object({
  id: z.number().int(),
  order_id: z.number().int(),
  product_id: z.number().int(),
  variant_id: z.number().int(),
  order_address_id: z.number().int(),
  name: z.string(),
  sku: z.string(),
  quantity: z.number().int(),
  quantity_shipped: z.number().int(),
});
export type BcOrderProduct = z.infer<typeof orderProductSchema>;

const shipmentSchema = z.object({
  id: z.number().int(),
  order_id: z.number().int(),
  order_address_id: z.number().int(),
  date_created: z.string(),
  tracking_number: z.string(),
  shipping_method: z.string(),
  shipping_provider: z.string(),
  tracking_carrier: z.string(),
  tracking_link: z.string(),
  generated_tracking_link: z.string(),
  comments: z.string(),
  items: z.array(
    z.object({ order_product_id: z.number().int(), product_id: z.number().int(), quantity: z.number().int() }),
  ),
});
export type BcShipment = z.infer<typeof shipmentSchema>;

/** A catalog variant (a simple product is its base variant) with its stock at each inventory location. */
const variantSchema = z.object({
  id: z.number().int(),
  product_id: z.number().int(),
  sku: z.string(),
  name: z.string(),
  inventory: z.map(z.number().int(), z.number().int()),
});
export type BcVariant = z.infer<typeof variantSchema>;

/** One simulated store: its API account token, request quota and data. */
const storeSchema = z.object({
  hash: z.string().min(1),
  name: z.string(),
  accessToken: z.string().min(1),
  quota: z.object({ requests: z.number().int().positive(), windowMs: z.number().int().positive() }),
  locations: z.array(z.number().int()),
  orders: z.map(z.number().int(), orderSchema),
  products: z.map(z.number().int(), z.array(orderProductSchema)),
  addresses: z.map(z.number().int(), z.array(shippingAddressSchema)),
  shipments: z.map(z.number().int(), z.array(shipmentSchema)),
  variants: z.map(z.string(), variantSchema),
  adjustments: z.array(z.object({ transaction_id: z.string(), reason: z.string(), items: z.number().int() })),
});
export type Store = z.infer<typeof storeSchema>;

/** Every store and the ID counters, as a state file keeps them (src/simulators/shared/state-file.ts). */
export const storeRegistrySnapshotSchema = z.object({
  stores: z.map(z.string(), storeSchema),
  nextOrder: z.number().int(),
  nextId: z.number().int(),
});
export type StoreRegistrySnapshot = z.infer<typeof storeRegistrySnapshotSchema>;

/** BigCommerce's V2 dates: RFC 2822 with a numeric zone, "Tue, 20 Nov 2012 00:00:00 +0000". */
export function rfc2822(date: Date): string {
  return date.toUTCString().replace('GMT', '+0000');
}

/** Every store in one server. Order IDs are unique across stores, so control calls name only the order. */
export class StoreRegistry {
  readonly stores = new Map<string, Store>();
  private nextOrder: number;
  private nextId = 1;

  constructor(private readonly firstOrder = 100) {
    this.nextOrder = firstOrder;
  }

  orderId(): number {
    return this.nextOrder++;
  }

  /** Sub-resource IDs (order products, addresses, shipments, variants). */
  id(): number {
    return this.nextId++;
  }

  createStore(input: {
    hash?: string;
    name: string;
    accessToken?: string;
    quota: { requests: number; windowMs: number };
    locations: number[];
  }): Store {
    const store: Store = {
      hash: input.hash ?? `store${this.stores.size + 1}`,
      name: input.name,
      accessToken: input.accessToken ?? randomBytes(16).toString('hex'),
      quota: input.quota,
      locations: input.locations,
      orders: new Map(),
      products: new Map(),
      addresses: new Map(),
      shipments: new Map(),
      variants: new Map(),
      adjustments: [],
    };
    this.stores.set(store.hash, store);
    return store;
  }

  storeOfOrder(id: number): Store | undefined {
    return [...this.stores.values()].find((store) => store.orders.has(id));
  }

  reset(): void {
    this.stores.clear();
    this.nextOrder = this.firstOrder;
    this.nextId = 1;
  }

  /** Every store and the ID counters, for a state file; `restore` takes it back. */
  snapshot(): StoreRegistrySnapshot {
    const { stores, nextOrder, nextId } = this;
    return { stores, nextOrder, nextId };
  }

  restore(saved: StoreRegistrySnapshot): void {
    this.reset();
    for (const [hash, store] of saved.stores) this.stores.set(hash, store);
    ({ nextOrder: this.nextOrder, nextId: this.nextId } = saved);
  }
}
