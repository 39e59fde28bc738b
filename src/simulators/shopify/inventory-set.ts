import { GraphQLError, type GraphQLResolveInfo, Kind, valueFromAST, GraphQLString } from 'graphql';
import { hasLegacyInventoryInput, type ApiVersion } from './api-versions';
import type { IdSequence } from './ids';
import type { ShopState } from './state';
import { userError, type UserError } from './user-errors';

/** How many quantities one `inventorySetQuantities` call may carry (docs/shopify-api.md: assumed, not documented). */
export const MAX_QUANTITIES_PER_CALL = 250;
const NAMES = new Set(['available', 'on_hand']);
// A subset of Shopify's inventory change reasons: the ones an integration plausibly sends.
const REASONS = new Set(['correction', 'cycle_count_available', 'received', 'restock', 'other']);

interface QuantityInput {
  inventoryItemId: string;
  locationId: string;
  quantity: number;
  /** From 2026-01; from 2026-04 it must be given, null skipping the check. */
  changeFromQuantity?: number | null;
  /** Until 2026-01 only. */
  compareQuantity?: number | null;
}

interface SetQuantitiesInput {
  name: string;
  reason: string;
  /** Until 2026-01 only. */
  ignoreCompareQuantity?: boolean | null;
  quantities: QuantityInput[];
}

/** The compare-and-swap check of one quantity, in the rules of `version`; the error names the field at fault. */
function compareCheck(
  version: ApiVersion,
  input: SetQuantitiesInput,
  quantity: QuantityInput,
  current: number,
  field: string[],
): UserError | undefined {
  // Given at all (null included), changeFromQuantity overrides the older pair (2026-01 changelog).
  if ('changeFromQuantity' in quantity) {
    const expected = quantity.changeFromQuantity;
    if (expected === null || expected === undefined || expected === current) return undefined;
    return userError(
      [...field, 'changeFromQuantity'],
      'The changeFromQuantity value does not match persisted value.',
      'CHANGE_FROM_QUANTITY_STALE',
    );
  }
  if (!hasLegacyInventoryInput(version)) {
    return userError(
      [...field, 'changeFromQuantity'],
      'The changeFromQuantity argument must be given to each quantity; pass null to skip the check.',
    );
  }
  if (input.ignoreCompareQuantity) return undefined;
  if ((quantity.compareQuantity ?? null) === null) {
    return userError(
      [...field, 'compareQuantity'],
      'The compareQuantity argument must be given to each quantity or ignored using ignoreCompareQuantity.',
      'COMPARE_QUANTITY_REQUIRED',
    );
  }
  if (quantity.compareQuantity === current) return undefined;
  return userError(
    [...field, 'compareQuantity'],
    'The compareQuantity value does not match persisted value.',
    'COMPARE_QUANTITY_STALE',
  );
}

function validate(shop: ShopState, version: ApiVersion, input: SetQuantitiesInput): UserError[] {
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
    return compareCheck(version, input, quantity, shop.available.get(quantity.inventoryItemId) ?? 0, field) ?? [];
  });
}

/** The key of the field's `@idempotent` directive, if it has one. */
function idempotencyKey(info: GraphQLResolveInfo): string | undefined {
  const directive = info.fieldNodes[0]?.directives?.find((node) => node.name.value === 'idempotent');
  const argument = directive?.arguments?.find((node) => node.name.value === 'key');
  if (!argument || argument.value.kind === Kind.NULL) return undefined;
  return valueFromAST(argument.value, GraphQLString, info.variableValues) as string | undefined;
}

/**
 * `inventorySetQuantities`: absolute `available` levels at our location, all or nothing. From 2026-04 the call must
 * carry `@idempotent(key:)`; a key seen before with the same input returns the first answer without applying it again.
 */
export function inventorySetMutation(shop: ShopState, ids: IdSequence, version: ApiVersion) {
  return {
    inventorySetQuantities(args: { input: SetQuantitiesInput }, _context: unknown, info: GraphQLResolveInfo) {
      const key = idempotencyKey(info);
      if (key === undefined && !hasLegacyInventoryInput(version)) {
        // The changelog says only "an error at runtime"; its shape here is assumed.
        throw new GraphQLError('The @idempotent directive with a key is required for this mutation.', {
          extensions: { code: 'BAD_REQUEST' },
        });
      }
      const argsJson = JSON.stringify(args.input);
      const seen = key === undefined ? undefined : shop.idempotentAnswers.get(key);
      if (seen) {
        if (seen.args === argsJson) return seen.answer;
        return {
          inventoryAdjustmentGroup: null,
          userErrors: [
            userError(
              null,
              'The same idempotency key cannot be used with different operation parameters.',
              'IDEMPOTENCY_KEY_PARAMETER_MISMATCH',
            ),
          ],
        };
      }
      const userErrors = validate(shop, version, args.input);
      const answer =
        userErrors.length > 0
          ? { inventoryAdjustmentGroup: null, userErrors }
          : {
              inventoryAdjustmentGroup: {
                id: ids.gid('InventoryAdjustmentGroup'),
                reason: args.input.reason,
                createdAt: new Date().toISOString(),
              },
              userErrors: [],
            };
      if (userErrors.length === 0) {
        for (const { inventoryItemId, quantity } of args.input.quantities)
          shop.available.set(inventoryItemId, quantity);
      }
      if (key !== undefined) shop.idempotentAnswers.set(key, { args: argsJson, answer });
      return answer;
    },
  };
}
