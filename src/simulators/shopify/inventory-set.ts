import type { IdSequence } from './ids';
import type { ShopState } from './state';
import { userError, type UserError } from './user-errors';

/** How many quantities one `inventorySetQuantities` call may carry (docs/shopify-api.md: assumed, not documented). */
export const MAX_QUANTITIES_PER_CALL = 250;
const NAMES = new Set(['available', 'on_hand']);
// A subset of Shopify's inventory change reasons: the ones an integration plausibly sends.
const REASONS = new Set(['correction', 'cycle_count_available', 'received', 'restock', 'other']);

interface SetQuantitiesInput {
  name: string;
  reason: string;
  ignoreCompareQuantity?: boolean | null;
  quantities: { inventoryItemId: string; locationId: string; quantity: number; compareQuantity?: number | null }[];
}

function validate(shop: ShopState, input: SetQuantitiesInput): UserError[] {
  if (!NAMES.has(input.name)) {
    return [userError(['input', 'name'], "The quantity name must be either 'available' or 'on_hand'.", 'INVALID_NAME')];
  }
  if (!REASONS.has(input.reason)) return [userError(['input', 'reason'], 'The reason is invalid.', 'INVALID_REASON')];
  if (input.quantities.length > MAX_QUANTITIES_PER_CALL) {
    return [userError(['input', 'quantities'], `The quantities can't exceed ${MAX_QUANTITIES_PER_CALL} items.`)];
  }
  const known = new Set(shop.inventoryItems.values());
  return input.quantities.flatMap((quantity, index) => {
    const field = ['input', 'quantities', String(index)];
    if (!known.has(quantity.inventoryItemId)) {
      return [
        userError(
          [...field, 'inventoryItemId'],
          'The specified inventory item could not be found.',
          'INVALID_INVENTORY_ITEM',
        ),
      ];
    }
    if (quantity.locationId !== shop.locationId) {
      return [userError([...field, 'locationId'], 'The specified location could not be found.', 'INVALID_LOCATION')];
    }
    if (quantity.quantity < 0) {
      return [userError([...field, 'quantity'], "The quantity can't be negative.", 'INVALID_QUANTITY_NEGATIVE')];
    }
    if (!input.ignoreCompareQuantity && (quantity.compareQuantity ?? null) === null) {
      return [
        userError(
          [...field, 'compareQuantity'],
          'The compareQuantity argument must be given to each quantity or ignored using ignoreCompareQuantity.',
          'COMPARE_QUANTITY_REQUIRED',
        ),
      ];
    }
    return [];
  });
}

/** `inventorySetQuantities`: absolute `available` levels at our location, all or nothing. */
export function inventorySetMutation(shop: ShopState, ids: IdSequence) {
  return {
    inventorySetQuantities(args: { input: SetQuantitiesInput }) {
      const userErrors = validate(shop, args.input);
      if (userErrors.length > 0) return { inventoryAdjustmentGroup: null, userErrors };
      for (const { inventoryItemId, quantity } of args.input.quantities) shop.available.set(inventoryItemId, quantity);
      return {
        inventoryAdjustmentGroup: {
          id: ids.gid('InventoryAdjustmentGroup'),
          reason: args.input.reason,
          createdAt: new Date().toISOString(),
        },
        userErrors: [],
      };
    },
  };
}
