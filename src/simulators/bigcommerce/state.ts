import { randomBytes } from 'node:crypto';

/** A V2 order, the fields the simulator keeps (docs/bigcommerce-api.md §4). */
export interface BcOrder {
  id: number;
  customer_id: number;
  date_created: string;
  date_modified: string;
  date_shipped: string;
  status_id: number;
  status: string;
  customer_message: string;
  staff_notes: string;
  items_total: number;
  items_shipped: number;
  total_inc_tax: string;
  currency_code: string;
  billing_address: BcAddress & { email: string };
  products: { url: string; resource: string };
  shipping_addresses: { url: string; resource: string };
}

export interface BcAddress {
  first_name: string;
  last_name: string;
  company: string;
  street_1: string;
  street_2: string;
  city: string;
  state: string;
  zip: string;
  country: string;
  country_iso2: string;
  phone: string;
}

export interface BcShippingAddress extends BcAddress {
  id: number;
  order_id: number;
  email: string;
  items_total: number;
  items_shipped: number;
  shipping_method: string;
}

export interface BcOrderProduct {
  id: number;
  order_id: number;
  product_id: number;
  variant_id: number;
  order_address_id: number;
  name: string;
  sku: string;
  quantity: number;
  quantity_shipped: number;
}

export interface BcShipment {
  id: number;
  order_id: number;
  order_address_id: number;
  date_created: string;
  tracking_number: string;
  shipping_method: string;
  shipping_provider: string;
  tracking_carrier: string;
  tracking_link: string;
  generated_tracking_link: string;
  comments: string;
  items: { order_product_id: number; product_id: number; quantity: number }[];
}

/** A catalog variant (a simple product is its base variant) with its stock at each inventory location. */
export interface BcVariant {
  id: number;
  product_id: number;
  sku: string;
  name: string;
  inventory: Map<number, number>;
}

/** One simulated store: its API account token, request quota and data. */
export interface Store {
  hash: string;
  name: string;
  accessToken: string;
  quota: { requests: number; windowMs: number };
  locations: number[];
  orders: Map<number, BcOrder>;
  products: Map<number, BcOrderProduct[]>;
  addresses: Map<number, BcShippingAddress[]>;
  shipments: Map<number, BcShipment[]>;
  variants: Map<string, BcVariant>;
  adjustments: { transaction_id: string; reason: string; items: number }[];
}

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
}
