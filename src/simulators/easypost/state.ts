import { newApiKey, newId, nowSeconds } from './ids';
import type { AddressInput, ProductInput } from './schemas';

export type Mode = 'test' | 'production';
export type OrderStatus = 'created' | 'picked' | 'shipped' | 'cancelled';

/** `id`, `mode` and the integer timestamps every vendor object carries. */
export interface Stamped {
  id: string;
  mode: Mode;
  created_at: number;
  updated_at: number;
}

export interface Measure {
  value: number;
  unit: string;
}

export interface Product extends Stamped {
  object: 'Product';
  title: string;
  barcode: string;
  type: string;
  origin_country: string | null;
  hs_code: string | null;
  requires_serial_tracking: boolean;
  length: Measure | null;
  width: Measure | null;
  height: Measure | null;
  weight: Measure | null;
  price: Measure | null;
}

export interface Warehouse extends Stamped {
  object: 'Warehouse';
  disabled_at: number | null;
  name: string;
  short_name: string;
  address: Record<string, string> | null;
}

export type Address = Stamped & AddressInput;

export interface Tracker extends Stamped {
  object: 'Tracker';
  tracking_code: string;
  carrier: string;
  status: string;
  status_detail: string | null;
  public_url: string;
}

export type ProductRef = Pick<Product, 'id' | 'title' | 'barcode'>;

export interface LineItem extends Stamped {
  product: ProductRef;
  units: number;
}

export interface PickRecord extends Stamped {
  tracker: Tracker | null;
  inventories: { id: string; product: Pick<Product, 'id' | 'barcode'> }[];
}

export interface Fee extends Stamped {
  disabled_at: null;
  type: 'fulfillment' | 'postage';
  amount: string;
  charged: boolean;
  refunded: boolean;
}

export interface Order extends Stamped {
  object: 'Order';
  status: OrderStatus;
  service: string;
  description: string | null;
  name: null;
  latest_delivery: string | null;
  inserts: unknown[];
  warehouse_id: string;
  destination: Address;
  shipment_options: { delivery_confirmation: string | null; insurance: boolean };
  line_items: LineItem[];
  picks: PickRecord[];
  // The same tracker objects as picks[].tracker, so a status change shows in both places.
  trackers: Tracker[];
  fees: Fee[];
  returns: unknown[];
}

export interface LedgerSnapshot {
  mode: Mode;
  products: Map<string, Product>;
  warehouses: Map<string, Warehouse>;
  orders: Map<string, Order>;
  committedAt: Map<string, number>;
  stock: Map<string, number>;
}

/** Everything one (account, mode) owns: the API never lets one key see another's data. */
export class Ledger {
  readonly products = new Map<string, Product>();
  readonly warehouses = new Map<string, Warehouse>();
  readonly orders = new Map<string, Order>();
  /** When each order was committed (ms): listings hide it for the visibility delay. */
  readonly committedAt = new Map<string, number>();
  // Free (allocatable) units per `${warehouseId} ${productId}`.
  private readonly stock = new Map<string, number>();

  constructor(readonly mode: Mode) {}

  /** Everything the ledger holds, for a state file; `restore` takes it back. */
  snapshot(): LedgerSnapshot {
    const { mode, products, warehouses, orders, committedAt, stock } = this;
    return { mode, products, warehouses, orders, committedAt, stock };
  }

  static restore(saved: LedgerSnapshot): Ledger {
    const ledger = new Ledger(saved.mode);
    const fill = <K, V>(target: Map<K, V>, source: Map<K, V>) => source.forEach((value, key) => target.set(key, value));
    fill(ledger.products, saved.products);
    fill(ledger.warehouses, saved.warehouses);
    fill(ledger.orders, saved.orders);
    fill(ledger.committedAt, saved.committedAt);
    fill(ledger.stock, saved.stock);
    // A file has copies: make each order's trackers the very objects its picks hold again.
    for (const order of ledger.orders.values()) {
      order.trackers = order.picks.flatMap((pick) => (pick.tracker ? [pick.tracker] : []));
    }
    return ledger;
  }

  /** Fresh common fields for a new object with the given id prefix. */
  stamp(prefix: string): Stamped {
    const now = nowSeconds();
    return { id: newId(prefix), mode: this.mode, created_at: now, updated_at: now };
  }

  quantity(warehouseId: string, productId: string): number {
    return this.stock.get(`${warehouseId} ${productId}`) ?? 0;
  }

  setQuantity(warehouseId: string, productId: string, quantity: number): void {
    this.stock.set(`${warehouseId} ${productId}`, quantity);
  }

  forgetProduct(productId: string): void {
    this.products.delete(productId);
    for (const warehouseId of this.warehouses.keys()) this.stock.delete(`${warehouseId} ${productId}`);
  }

  productByBarcode(barcode: string): Product | undefined {
    return [...this.products.values()].find((product) => product.barcode === barcode);
  }

  /** A warehouse by `wh_` id or by short name (the control API accepts both). */
  warehouseByRef(ref: string): Warehouse | undefined {
    return this.warehouses.get(ref) ?? [...this.warehouses.values()].find((wh) => wh.short_name === ref);
  }

  addProduct(input: ProductInput): Product {
    const product: Product = {
      ...this.stamp('prod'),
      object: 'Product',
      title: input.title,
      barcode: input.barcode,
      type: input.type ?? 'merchandise',
      origin_country: input.origin_country ?? null,
      hs_code: input.hs_code ?? null,
      requires_serial_tracking: input.requires_serial_tracking ?? false,
      length: input.length ?? null,
      width: input.width ?? null,
      height: input.height ?? null,
      weight: input.weight ?? null,
      price: input.price ?? null,
    };
    this.products.set(product.id, product);
    return product;
  }
}

export interface Account {
  id: string;
  name: string;
  test_key: string;
  production_key: string;
}

export interface StoreSnapshot {
  accounts: Map<string, Account>;
  ledgers: Map<string, LedgerSnapshot>;
}

/** Accounts and their keys; each key opens its own ledger. */
export class SimStore {
  private readonly accounts = new Map<string, Account>();
  private readonly ledgers = new Map<string, Ledger>();

  createAccount(input: { name?: string; test_key?: string; production_key?: string }): Account {
    const account: Account = {
      id: newId('acct'),
      name: input.name ?? `Account ${this.accounts.size + 1}`,
      test_key: input.test_key ?? newApiKey('EZTK'),
      production_key: input.production_key ?? newApiKey('EZAK'),
    };
    this.accounts.set(account.id, account);
    this.ledgers.set(account.test_key, new Ledger('test'));
    this.ledgers.set(account.production_key, new Ledger('production'));
    return account;
  }

  hasKey(key: string): boolean {
    return this.ledgers.has(key);
  }

  ledgerFor(key: string): Ledger | undefined {
    return this.ledgers.get(key);
  }

  /** Every ledger with its API key. */
  allLedgers(): IterableIterator<[string, Ledger]> {
    return this.ledgers.entries();
  }

  reset(): void {
    this.accounts.clear();
    this.ledgers.clear();
  }

  /** Every account and ledger, for a state file; `restore` takes it back. */
  snapshot(): StoreSnapshot {
    return {
      accounts: this.accounts,
      ledgers: new Map([...this.ledgers].map(([key, ledger]) => [key, ledger.snapshot()])),
    };
  }

  restore(saved: StoreSnapshot): void {
    this.reset();
    for (const [id, account] of saved.accounts) this.accounts.set(id, account);
    for (const [key, ledger] of saved.ledgers) this.ledgers.set(key, Ledger.restore(ledger));
  }
}
