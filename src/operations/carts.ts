import type { FieldChanges } from '../db/audit';
import { createCartStore, type Cart, type CartChange, type CartInput } from '../db/carts';
import type { ReconcileResult } from '../schedules/reconcile';
import type { OperationDeps } from './deps';
import { insertedOnce, OperationError, scopedToMerchant } from './errors';
import { reconcileAfter, reconcileNow } from './schedules';

/**
 * Adds a cart, or (unless `onlyNew`) changes an existing one, keeping the settings not given; its credentials are
 * sealed before they are stored, and its pull and push schedules follow at once.
 */
export async function addCart(
  deps: OperationDeps,
  input: CartInput,
  { onlyNew = false } = {},
): Promise<{ cart: Cart; created: boolean; schedules: ReconcileResult }> {
  const store = createCartStore(deps.pool, input.credentials === undefined ? undefined : deps.secretBox());
  const existing = await store.get(input.id);
  if (existing && onlyNew) throw new OperationError('conflict', `cart ${input.id} already exists`);
  const cart = await insertedOnce(`cart ${input.id}`, () =>
    scopedToMerchant(input.merchantId, () =>
      store.upsert({ ...input, settings: { ...existing?.settings, ...input.settings } }, { insertOnly: !existing }),
    ),
  );
  return { cart, created: !existing, schedules: await reconcileNow(deps) };
}

/**
 * Changes the given name and settings of a cart (audited) and reconciles the schedules at once. Undefined when there
 * is no such cart.
 */
export async function updateCart(
  deps: OperationDeps,
  id: string,
  change: CartChange,
): Promise<{ cart: Cart; changes: FieldChanges; schedules: ReconcileResult } | undefined> {
  const updated = await createCartStore(deps.pool).update(id, change, deps.actor);
  return updated && { ...updated, schedules: await reconcileAfter(deps, updated.changes) };
}
