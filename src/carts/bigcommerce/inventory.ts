import type { InventoryLevel } from '../adapter';
import { chunks } from '../chunks';
import type { BigCommerceHttp } from './http';
import { bcVariantsSchema } from './schemas';

/** The Inventory API's limit of items per adjustment. */
const ADJUSTMENT_LIMIT = 2000;
/** SKUs per catalog lookup: `sku:in` is a query parameter, so a URL's length bounds it. */
const LOOKUP_SKUS = 100;

/** The SKUs the store's catalog has (products and variants alike: a simple product has one base variant). */
async function knownSkus(http: BigCommerceHttp, skus: string[]): Promise<Set<string>> {
  const known = new Set<string>();
  for (const chunk of chunks(skus, LOOKUP_SKUS)) {
    for (let page = 1, pages = 1; page <= pages; page++) {
      const { body } = await http('GET', 'v3/catalog/variants', {
        query: { 'sku:in': chunk.join(','), include_fields: 'sku', limit: 250, page },
      });
      const answer = bcVariantsSchema.parse(body);
      for (const variant of answer.data) known.add(variant.sku);
      pages = answer.meta.pagination.total_pages;
    }
  }
  return known;
}

/**
 * Sets absolute stock levels at the cart's location through the Inventory API, 2,000 items per call (absolute, so a
 * retry is harmless); returns the number of adjustment calls. SKUs the catalog does not have are skipped: BigCommerce
 * would refuse the whole adjustment for one unknown SKU.
 */
export async function pushInventory(
  http: BigCommerceHttp,
  locationId: number,
  levels: InventoryLevel[],
): Promise<{ batches: number }> {
  const known = await knownSkus(http, [...new Set(levels.map((level) => level.sku))]);
  const items = levels
    .filter((level) => known.has(level.sku))
    .map((level) => ({ location_id: locationId, sku: level.sku, quantity: level.quantity }));
  const batches = chunks(items, ADJUSTMENT_LIMIT);
  for (const batch of batches) {
    await http('PUT', 'v3/inventory/adjustments/absolute', {
      body: { reason: 'Stock at EasyPost Fulfillment (epf)', items: batch },
    });
  }
  return { batches: batches.length };
}
