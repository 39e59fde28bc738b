import type { SimContext, SimSettings } from './context';
import {
  accountSchema,
  advanceSchema,
  seedSchema,
  settingsSchema,
  stockSchema,
  trackerStatusSchema,
  type AccountInput,
  type AdvanceInput,
  type FaultInput,
  type FaultKind,
  type FiredKind,
  type SeedInput,
  type SettingsInput,
  type StockInput,
  type TrackerStatusInput,
} from './control-schemas';
import { SimApiError } from './errors';
import { createProduct } from './products';
import type { BasicControl } from '../shared/control-routes';
import { advanceOrder, setTrackerStatus } from './shipping';
import type { Ledger, Order, Product, Warehouse } from './state';
import { parseInput } from './validation';
import type { WebhookDelivery } from './webhooks';

export interface AccountKeys {
  id: string;
  test_key: string;
  production_key: string;
}

export interface StockLevel {
  product_id: string;
  warehouse_id: string;
  quantity: number;
}

/**
 * The simulator's control surface, in process. `/__sim/` exposes the same operations over HTTP;
 * inputs have the HTTP bodies' shapes, and every result is a copy (changing it changes nothing).
 */
export interface EasyPostSimControl extends BasicControl<FaultInput, FaultKind> {
  /** Forgets accounts, faults, the request and webhook logs; restores the start settings. */
  reset(): void;
  createAccount(input?: AccountInput): AccountKeys;
  seed(input: SeedInput): { warehouses: Warehouse[]; products: Product[] };
  /** Sets a product's free stock in a warehouse (by `wh_` id or short name). */
  setStock(input: StockInput): StockLevel;
  /** Every order of the key's account and mode, cancelled ones included, newest first. */
  orders(apiKey: string): Order[];
  advanceOrder(orderId: string, input: AdvanceInput): Order;
  setTrackerStatus(trackerId: string, input: TrackerStatusInput): Order;
  configure(input: SettingsInput): SimSettings;
  webhookDeliveries(): WebhookDelivery[];
  /** How often each fault kind and listing effect fired since the start or the last reset. */
  faultCounts(): Partial<Record<FiredKind, number>>;
}

function ledgerFor(context: SimContext, apiKey: string): Ledger {
  const ledger = context.store.ledgerFor(apiKey);
  if (!ledger) throw new SimApiError(404, 'NOT_FOUND', `api_key: no account has the key ${apiKey}`, 'api_key');
  return ledger;
}

function warehouseFor(ledger: Ledger, ref: string, field: string): Warehouse {
  const warehouse = ledger.warehouseByRef(ref);
  if (!warehouse) throw new SimApiError(422, 'SIM.WAREHOUSE.UNKNOWN', `${field}: no warehouse ${ref}`, field);
  return warehouse;
}

function productFor(ledger: Ledger, barcode: string, field: string): Product {
  const product = ledger.productByBarcode(barcode);
  if (!product)
    throw new SimApiError(422, 'SIM.PRODUCT.UNKNOWN', `${field}: no product with barcode ${barcode}`, field);
  return product;
}

function publisher(context: SimContext) {
  return context.webhooks.publish.bind(context.webhooks);
}

export function createControl(context: SimContext): EasyPostSimControl {
  return {
    reset() {
      context.store.reset();
      context.faults.clear();
      context.fired.clear();
      context.requests.clear();
      context.webhooks.clear();
      context.limiter.clear();
      Object.assign(context.settings, structuredClone(context.initialSettings));
    },

    createAccount(input = {}) {
      const parsed = parseInput(accountSchema, input);
      for (const key of [parsed.test_key, parsed.production_key]) {
        if (key !== undefined && context.store.hasKey(key)) {
          throw new SimApiError(422, 'SIM.API_KEY.DUPLICATE', `The key ${key} already belongs to an account`);
        }
      }
      const { id, test_key, production_key } = context.store.createAccount(parsed);
      return { id, test_key, production_key };
    },

    seed(input) {
      const parsed = parseInput(seedSchema, input);
      const ledger = ledgerFor(context, parsed.api_key);
      const warehouses = parsed.warehouses.map(({ name, short_name, address }) => {
        const warehouse: Warehouse = {
          ...ledger.stamp('wh'),
          object: 'Warehouse',
          disabled_at: null,
          name,
          short_name,
          address: address ?? null,
        };
        ledger.warehouses.set(warehouse.id, warehouse);
        return warehouse;
      });
      const products = parsed.products.map((product) => createProduct(ledger, product));
      parsed.stock.forEach(({ barcode, warehouse, quantity }, index) => {
        const product = productFor(ledger, barcode, `stock[${index}].barcode`);
        ledger.setQuantity(warehouseFor(ledger, warehouse, `stock[${index}].warehouse`).id, product.id, quantity);
      });
      return structuredClone({ warehouses, products });
    },

    setStock(input) {
      const parsed = parseInput(stockSchema, input);
      const ledger = ledgerFor(context, parsed.api_key);
      const product = productFor(ledger, parsed.barcode, 'barcode');
      const warehouse = warehouseFor(ledger, parsed.warehouse_id, 'warehouse_id');
      ledger.setQuantity(warehouse.id, product.id, parsed.quantity);
      return { product_id: product.id, warehouse_id: warehouse.id, quantity: parsed.quantity };
    },

    orders(apiKey) {
      return structuredClone([...ledgerFor(context, apiKey).orders.values()].reverse());
    },

    advanceOrder(orderId, input) {
      const parsed = parseInput(advanceSchema, input);
      return structuredClone(advanceOrder(ledgerFor(context, parsed.api_key), orderId, parsed, publisher(context)));
    },

    setTrackerStatus(trackerId, input) {
      const parsed = parseInput(trackerStatusSchema, input);
      const ledger = ledgerFor(context, parsed.api_key);
      return structuredClone(setTrackerStatus(ledger, trackerId, parsed, publisher(context)));
    },

    requests: () => context.requests.list(),
    clearRequests: () => context.requests.clear(),
    addFault: (input) => context.faults.add(input),
    removeFault: (id) => context.faults.remove(id),
    clearFaults: () => context.faults.clear(),

    configure(input) {
      const parsed = parseInput(settingsSchema, input);
      const changes = Object.fromEntries(Object.entries(parsed).filter(([, value]) => value !== undefined));
      return structuredClone(Object.assign(context.settings, changes));
    },

    webhookDeliveries: () => context.webhooks.deliveries(),
    faultCounts: () => context.fired.snapshot(),
  };
}
