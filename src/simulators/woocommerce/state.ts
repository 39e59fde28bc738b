import { randomBytes } from 'node:crypto';

/** An address as WooCommerce sends it: every field a string, "" when empty. */
export interface WooAddress {
  first_name: string;
  last_name: string;
  company: string;
  address_1: string;
  address_2: string;
  city: string;
  state: string;
  postcode: string;
  country: string;
  phone: string;
  email?: string;
}

export interface WooLineItem {
  id: number;
  name: string;
  product_id: number;
  variation_id: number;
  quantity: number;
  sku: string | null;
  total: string;
}

export interface WooShippingLine {
  id: number;
  method_id: string;
  method_title: string;
  total: string;
}

export interface WooMeta {
  id: number;
  key: string;
  value: unknown;
}

/** The subset of a wc/v3 order the simulator keeps (docs/woocommerce-api.md §4). */
export interface WooOrder {
  id: number;
  parent_id: number;
  number: string;
  status: string;
  currency: string;
  total: string;
  date_created: string;
  date_created_gmt: string;
  date_modified: string;
  date_modified_gmt: string;
  date_completed_gmt: string | null;
  customer_note: string;
  billing: WooAddress;
  shipping: WooAddress;
  line_items: WooLineItem[];
  shipping_lines: WooShippingLine[];
  meta_data: WooMeta[];
}

export interface WooNote {
  id: number;
  author: string;
  date_created: string;
  date_created_gmt: string;
  note: string;
  customer_note: boolean;
  added_by_user: boolean;
}

/** A Shipment Tracking item as its REST API returns it. */
export interface WooTracking {
  tracking_id: string;
  tracking_provider: string;
  tracking_link: string;
  tracking_number: string;
  date_shipped: string;
}

export interface WooProduct {
  id: number;
  name: string;
  sku: string;
  type: 'simple';
  status: 'publish';
  manage_stock: boolean;
  stock_quantity: number | null;
  stock_status: 'instock' | 'outofstock';
  date_modified: string;
  date_modified_gmt: string;
}

export type WebhookStatus = 'active' | 'paused' | 'disabled';

/** A webhook as wc/v3 returns it, plus `failure_count`, which WooCommerce keeps but its REST API does not show. */
export interface WooWebhook {
  id: number;
  name: string;
  status: WebhookStatus;
  topic: string;
  resource: string;
  event: string;
  hooks: string[];
  delivery_url: string;
  secret: string;
  date_created: string;
  date_created_gmt: string;
  date_modified: string;
  date_modified_gmt: string;
  failure_count: number;
}

/** One simulated store: its API key, extension setting and data. */
export interface Site {
  id: string;
  name: string;
  consumerKey: string;
  consumerSecret: string;
  shipmentTracking: boolean;
  orders: Map<number, WooOrder>;
  notes: Map<number, WooNote[]>;
  trackings: Map<number, WooTracking[]>;
  products: Map<number, WooProduct>;
  webhooks: Map<number, WooWebhook>;
  /** Control: while true every delivery fails as if the delivery URL could not be reached. */
  deliveryOutage?: boolean;
}

/** WordPress's REST date format: seconds, no zone (the `_gmt` fields are UTC). Sites run on UTC. */
export function wpDate(date: Date): string {
  return date.toISOString().slice(0, 19);
}

export interface SiteStoreSnapshot {
  sites: Map<string, Site>;
  nextPost: number;
  nextItem: number;
  nextNote: number;
}

/** Every store in one server. Post IDs (orders, products) are unique across stores, so control calls need no site. */
export class SiteStore {
  readonly sites = new Map<string, Site>();
  private nextPost: number;
  private nextItem = 1;
  private nextNote = 1;

  constructor(private readonly firstPost = 1000) {
    this.nextPost = firstPost;
  }

  postId(): number {
    return this.nextPost++;
  }

  itemId(): number {
    return this.nextItem++;
  }

  noteId(): number {
    return this.nextNote++;
  }

  createSite(input: {
    id?: string;
    name: string;
    shipmentTracking: boolean;
    consumerKey?: string;
    consumerSecret?: string;
  }): Site {
    const site: Site = {
      id: input.id ?? `site${this.sites.size + 1}`,
      name: input.name,
      // WooCommerce's key format: ck_/cs_ and 40 hex characters.
      consumerKey: input.consumerKey ?? `ck_${randomBytes(20).toString('hex')}`,
      consumerSecret: input.consumerSecret ?? `cs_${randomBytes(20).toString('hex')}`,
      shipmentTracking: input.shipmentTracking,
      orders: new Map(),
      notes: new Map(),
      trackings: new Map(),
      products: new Map(),
      webhooks: new Map(),
    };
    this.sites.set(site.id, site);
    return site;
  }

  /** The store holding order `id`, for control calls that name only the order. */
  siteOfOrder(id: number): Site | undefined {
    return [...this.sites.values()].find((site) => site.orders.has(id));
  }

  reset(): void {
    this.sites.clear();
    this.nextPost = this.firstPost;
    this.nextItem = 1;
    this.nextNote = 1;
  }

  /** Every store and the ID counters, for a state file; `restore` takes it back. */
  snapshot(): SiteStoreSnapshot {
    const { sites, nextPost, nextItem, nextNote } = this;
    return { sites, nextPost, nextItem, nextNote };
  }

  restore(saved: SiteStoreSnapshot): void {
    this.reset();
    // State files written before webhooks existed have none.
    for (const [id, site] of saved.sites) this.sites.set(id, { ...site, webhooks: site.webhooks ?? new Map() });
    ({ nextPost: this.nextPost, nextItem: this.nextItem, nextNote: this.nextNote } = saved);
  }
}
