import { WorkflowNotFoundError } from '@temporalio/client';
import { Context, log } from '@temporalio/activity';
import type { CartStore } from '../src/db/carts';
import type { EasyPostProductStore } from '../src/db/easypost-products';
import type { InventoryStore } from '../src/db/inventory';
import type { OrderIndex, PendingOrder } from '../src/db/orders';
import type { MappingStore } from '../src/db/product-mapping';
import { translateLines } from '../src/domain/translation';
import { someWarehouseCanFill, warehouseStock } from '../src/domain/warehouse';
import { INVENTORY_IDS_PER_CALL, type EasyPostClient, type Product } from '../src/easypost';
import { normaliseLevels, type StockLevel } from '../src/domain/stock-levels';
import { inventoryAvailableSignal } from '../workflows/definitions';
import { toActivityFailure } from './easypost-failure';

export interface InventoryActivityDeps {
  orders: OrderIndex;
  inventory: InventoryStore;
  carts: CartStore;
  mappings: MappingStore;
  /** The merchant's EasyPost products by barcode: each pickup replaces them, and order sends check against them. */
  products: EasyPostProductStore;
  easyPostClient(merchantId: string): Promise<EasyPostClient>;
}

export interface InventoryPickupResult {
  warehouses: number;
  products: number;
  /** Rows in the snapshot: one per (barcode, warehouse). */
  levels: number;
  /** False when EasyPost's stock equals the latest snapshot (no snapshot written). */
  changed: boolean;
  /** Held orders signalled `inventoryAvailable`. */
  woken: number;
}

/**
 * Inventory pickup: EasyPost's products (barcodes) synced, its per-warehouse stock into a snapshot, and held orders
 * woken when stock arrives.
 */
export function createInventoryActivities(deps: InventoryActivityDeps) {
  return {
    /**
     * Syncs the merchant's warehouses and products, reads every product's stock per warehouse, saves it as a snapshot when it
     * differs from the latest, and signals `inventoryAvailable` to each held order that one warehouse of its cart
     * can now fill.
     * Safe to repeat: a retry finds the snapshot unchanged, and a woken order that is no longer held ignores the signal.
     */
    async pickUpInventory(input: { merchantId: string }): Promise<InventoryPickupResult> {
      const { merchantId } = input;
      const easyPost = await deps.easyPostClient(merchantId);
      const { warehouses, products, levels } = await readStock(easyPost).catch((err: unknown) => {
        throw toActivityFailure(err);
      });
      await deps.inventory.upsertWarehouses(
        merchantId,
        warehouses.map((w) => ({ id: w.id, name: w.name, shortName: w.short_name, disabledAt: w.disabled_at })),
      );
      await deps.products.replace(merchantId, products);

      const { changed } = await deps.inventory.saveSnapshotIfChanged(merchantId, levels);
      const woken = changed ? await wakeFillableOrders(deps, merchantId, levels) : 0;

      const result: InventoryPickupResult = {
        warehouses: warehouses.length,
        products: products.length,
        levels: levels.length,
        changed,
        woken,
      };
      log.info('Picked up inventory', { merchantId, ...result });
      return result;
    },
  };
}

/** Every warehouse and product of the account, and the stock of each product in each warehouse. */
async function readStock(easyPost: EasyPostClient) {
  const warehouses = await easyPost.listWarehouses();
  const products: Product[] = [];
  for await (const product of easyPost.iterateProducts()) {
    products.push(product);
    Context.current().heartbeat();
  }
  const barcodeOf = new Map(products.map((product) => [product.id, product.barcode]));
  const rows: StockLevel[] = [];
  // One call per chunk of ids (the client's own limit), heartbeating between them: large catalogues take a while.
  for (let start = 0; start < products.length; start += INVENTORY_IDS_PER_CALL) {
    const ids = products.slice(start, start + INVENTORY_IDS_PER_CALL).map((product) => product.id);
    for (const row of await easyPost.getInventories(ids, { includes: ['product', 'warehouse'] })) {
      const barcode = barcodeOf.get(row.product_id) ?? row.product?.barcode;
      if (!barcode) {
        log.warn('Inventory row without a barcode skipped', { productId: row.product_id });
        continue;
      }
      rows.push({ barcode, warehouseId: row.warehouse_id, quantity: row.quantity });
    }
    Context.current().heartbeat();
  }
  return { warehouses, products, levels: normaliseLevels(rows) };
}

/**
 * Signals `inventoryAvailable` to each held order that one warehouse of its cart can now fill. Orders competing for
 * the same units may all be woken: those EasyPost still rejects go back on hold. An order whose lines the index lacks
 * or no longer translate is woken too, so the workflow finds out. Orders whose workflow has closed are skipped.
 */
async function wakeFillableOrders(
  deps: InventoryActivityDeps,
  merchantId: string,
  levels: readonly StockLevel[],
): Promise<number> {
  const held = await deps.orders.pendingOrders(merchantId, ['on_hold']);
  if (held.length === 0) return 0;
  const skus = [...new Set(held.flatMap((order) => order.lines?.map((line) => line.sku) ?? []))];
  const [mapping, carts] = await Promise.all([deps.mappings.productMapping(merchantId, skus), deps.carts.list()]);
  const warehousesOf = new Map(carts.map((cart) => [cart.id, cart.settings.warehouseIds]));
  const stock = warehouseStock(levels);
  const fillable = (order: PendingOrder): boolean => {
    if (!order.lines) return true;
    const translated = translateLines(
      order.lines.map((line, index) => ({ lineId: String(index), ...line })),
      mapping,
    );
    return !translated.ok || someWarehouseCanFill(translated.lines, warehousesOf.get(order.cartId) ?? [], stock);
  };

  const { client } = Context.current();
  let woken = 0;
  for (const order of held.filter(fillable)) {
    try {
      await client.workflow.getHandle(order.workflowId).signal(inventoryAvailableSignal);
      woken += 1;
    } catch (err) {
      if (!(err instanceof WorkflowNotFoundError)) throw err;
    }
    Context.current().heartbeat();
  }
  return woken;
}
