import { SimApiError } from './errors';
import { paginate } from './paging';
import type { Ledger, Product, Warehouse } from './state';

// GET inventories (docs §7): one row per (product, warehouse), zero rows included.

const MAX_PRODUCT_IDS = 28;
const INCLUDES = ['product', 'warehouse'];

type Query = Record<string, unknown>;

/** Values of `name[]` and `name`, each given once or repeated. */
function listParam(query: Query, name: string): string[] {
  return [query[`${name}[]`], query[name]].flat().filter((value): value is string => typeof value === 'string');
}

export interface InventoryRow {
  product_id?: string;
  product?: Product;
  warehouse_id?: string;
  warehouse?: Warehouse;
  quantity: number;
}

function row(ledger: Ledger, product: Product, warehouse: Warehouse, includes: readonly string[]): InventoryRow {
  return {
    ...(includes.includes('product') ? { product } : { product_id: product.id }),
    ...(includes.includes('warehouse') ? { warehouse } : { warehouse_id: warehouse.id }),
    quantity: ledger.quantity(warehouse.id, product.id),
  };
}

/** Rows for `product_ids[]` (at most 28, unknown ids skipped), else one page of rows over every product. */
export function listInventories(ledger: Ledger, query: Query): InventoryRow[] {
  const productIds = listParam(query, 'product_ids');
  const includes = listParam(query, 'includes');
  const badInclude = includes.find((include) => !INCLUDES.includes(include));
  if (badInclude !== undefined) {
    throw new SimApiError(
      422,
      'INVENTORY.INCLUDES.INVALID',
      `includes[]: ${badInclude} is not one of ${INCLUDES.join(', ')}`,
      'includes[]',
    );
  }
  if (productIds.length > MAX_PRODUCT_IDS) {
    throw new SimApiError(
      422,
      'INVENTORY.PRODUCT_IDS.TOO_MANY',
      `product_ids[]: at most ${MAX_PRODUCT_IDS} ids per request, got ${productIds.length}`,
      'product_ids[]',
    );
  }
  const products =
    productIds.length > 0 ? productIds.flatMap((id) => ledger.products.get(id) ?? []) : [...ledger.products.values()];
  const rows = products.flatMap((product) =>
    [...ledger.warehouses.values()].map((warehouse) => row(ledger, product, warehouse, includes)),
  );
  return productIds.length > 0 ? rows : paginate(rows, query);
}
