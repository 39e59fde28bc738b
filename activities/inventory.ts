import { WorkflowNotFoundError } from '@temporalio/client';
import { Context, log } from '@temporalio/activity';
import type { InventoryStore } from '../src/db/inventory';
import type { OrderIndex } from '../src/db/orders';
import { INVENTORY_IDS_PER_CALL, type EasyPostClient, type Product } from '../src/easypost';
import { barcodesThatRose, normaliseLevels, type StockLevel } from '../src/inventory/levels';
import { inventoryAvailableSignal } from '../workflows/definitions';
import { toActivityFailure } from './easypost-failure';

export interface InventoryActivityDeps {
  orders: OrderIndex;
  inventory: InventoryStore;
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

/** Inventory pickup: EasyPost's per-warehouse stock into a snapshot, and held orders woken when stock arrives. */
export function createInventoryActivities(deps: InventoryActivityDeps) {
  return {
    /**
     * Syncs the merchant's warehouses, reads every product's stock per warehouse, saves it as a snapshot when it
     * differs from the latest, and signals `inventoryAvailable` to held orders when some barcode's stock rose.
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

      const previous = await deps.inventory.latestSnapshot(merchantId);
      const { changed } = await deps.inventory.saveSnapshotIfChanged(merchantId, levels);
      // A first snapshot compares with nothing: any stock counts as new, so orders held before it get a try.
      const rose = changed ? barcodesThatRose(previous?.levels ?? [], levels) : [];

      // Over-approximation: every held order of the merchant is woken when any barcode rose, since the orders index
      // does not hold an order's barcodes. A woken order without stock just goes back on hold after one EasyPost try.
      const woken = rose.length > 0 ? await wakeHeldOrders(deps.orders, merchantId) : 0;

      const result: InventoryPickupResult = {
        warehouses: warehouses.length,
        products: products.length,
        levels: levels.length,
        changed,
        woken,
      };
      log.info('Picked up inventory', { merchantId, ...result, barcodesRose: rose.length });
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

/** Signals `inventoryAvailable` to each held order of the merchant; orders whose workflow has closed are skipped. */
async function wakeHeldOrders(orders: OrderIndex, merchantId: string): Promise<number> {
  const { client } = Context.current();
  let woken = 0;
  for (const workflowId of await orders.heldWorkflowIds(merchantId)) {
    try {
      await client.workflow.getHandle(workflowId).signal(inventoryAvailableSignal);
      woken += 1;
    } catch (err) {
      if (!(err instanceof WorkflowNotFoundError)) throw err;
    }
    Context.current().heartbeat();
  }
  return woken;
}
