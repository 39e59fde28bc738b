import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { InventoryLevel } from '../adapter';
import type { GraphqlClient } from './graphql-client';
import { INVENTORY_ITEMS_BY_SKU, INVENTORY_SET_QUANTITIES, QUANTITIES_PER_CALL, SKUS_PER_LOOKUP } from './queries';
import { refusal, userErrorsSchema } from './user-errors';

const itemsSchema = z.object({
  inventoryItems: z.object({ nodes: z.array(z.object({ id: z.string(), sku: z.string().nullish() })) }),
});
const setSchema = z.object({ inventorySetQuantities: z.object({ userErrors: userErrorsSchema }).nullable() });

function chunks<T>(items: readonly T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, index) =>
    items.slice(index * size, (index + 1) * size),
  );
}

/** Shopify's search syntax, one quoted term per SKU: `sku:"A" OR sku:"B"`. */
const skuQuery = (skus: readonly string[]): string =>
  skus.map((sku) => `sku:"${sku.replace(/["\\]/g, '\\$&')}"`).join(' OR ');

/** SKU → inventory item id, looked up once per push (SKUs Shopify does not know are left out). */
async function inventoryItemIds(client: GraphqlClient, skus: readonly string[]): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const batch of chunks(skus, SKUS_PER_LOOKUP)) {
    const data = await client.request(
      INVENTORY_ITEMS_BY_SKU,
      { first: SKUS_PER_LOOKUP, query: skuQuery(batch) },
      itemsSchema,
    );
    for (const item of data.inventoryItems.nodes) if (item.sku) ids.set(item.sku, item.id);
  }
  return ids;
}

/**
 * Sets `available` at our location, in calls of at most QUANTITIES_PER_CALL. epf's stock is the truth, so the
 * compare-and-swap check is skipped (`changeFromQuantity: null`), as Shopify advises for a system of record. Each call
 * has its own idempotency key: a later push of the same levels is a new operation, and absolute levels are safe to
 * send again anyway.
 */
export async function pushInventory(
  client: GraphqlClient,
  locationId: string,
  levels: readonly InventoryLevel[],
): Promise<{ batches: number }> {
  const ids = await inventoryItemIds(client, [...new Set(levels.map((level) => level.sku))]);
  const quantities = levels.flatMap((level) => {
    const inventoryItemId = ids.get(level.sku);
    return inventoryItemId ? [{ inventoryItemId, locationId, quantity: level.quantity, changeFromQuantity: null }] : [];
  });
  const batches = chunks(quantities, QUANTITIES_PER_CALL);
  for (const batch of batches) {
    const data = await client.request(
      INVENTORY_SET_QUANTITIES,
      { input: { name: 'available', reason: 'correction', quantities: batch }, idempotencyKey: randomUUID() },
      setSchema,
    );
    const userErrors = data.inventorySetQuantities?.userErrors ?? [];
    if (userErrors.length > 0) throw refusal(INVENTORY_SET_QUANTITIES.name, userErrors);
  }
  return { batches: batches.length };
}
