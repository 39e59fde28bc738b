import type { InventoryLevel } from '../adapter';
import { CartRefusal } from '../adapter';
import type { WooHttp } from './http';
import { wooBatchSchema, wooProductsSchema } from './schemas';

/** WooCommerce's default `woocommerce_rest_batch_items_limit`, and its largest `per_page`. */
const WOO_BATCH_LIMIT = 100;

function chunks<T>(items: T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, index) =>
    items.slice(index * size, (index + 1) * size),
  );
}

/** Product IDs by SKU, looked up 100 SKUs per call (`sku` takes a comma-separated list). */
async function productIds(http: WooHttp, skus: string[]): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const chunk of chunks(skus, WOO_BATCH_LIMIT)) {
    const { body } = await http('GET', 'wc/v3/products', {
      query: { sku: chunk.join(','), per_page: WOO_BATCH_LIMIT },
    });
    for (const product of wooProductsSchema.parse(body)) ids.set(product.sku, product.id);
  }
  return ids;
}

/**
 * Sets absolute stock levels (so a retry is harmless) through `products/batch`, 100 per call; returns the number of
 * batch calls. SKUs the store does not have as simple products (unknown, or variations) are skipped.
 */
export async function pushInventory(http: WooHttp, levels: InventoryLevel[]): Promise<{ batches: number }> {
  const ids = await productIds(http, [...new Set(levels.map((level) => level.sku))]);
  const updates = levels.flatMap((level) => {
    const id = ids.get(level.sku);
    return id === undefined ? [] : [{ id, manage_stock: true, stock_quantity: level.quantity }];
  });
  const failed: string[] = [];
  const batches = chunks(updates, WOO_BATCH_LIMIT);
  for (const batch of batches) {
    const { body } = await http('POST', 'wc/v3/products/batch', { body: { update: batch } });
    for (const item of wooBatchSchema.parse(body).update) {
      if (item.error) failed.push(`${item.id ?? '?'}: ${item.error.code}`);
    }
  }
  if (failed.length > 0) throw new CartRefusal(`WooCommerce refused some stock updates: ${failed.join(', ')}`);
  return { batches: batches.length };
}
