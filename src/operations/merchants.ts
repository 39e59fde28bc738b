import {
  createMerchantStore,
  missingKeyMessage,
  type EasyPostMode,
  type Merchant,
  type MerchantChange,
  type MerchantInput,
} from '../db/merchants';
import type { FieldChanges } from '../db/audit';
import type { ReconcileResult } from '../schedules/reconcile';
import { inventoryPickupScheduleId } from '../../workflows/definitions';
import type { OperationDeps } from './deps';
import { insertedOnce, OperationError } from './errors';
import { reconcileAfter, reconcileNow } from './schedules';

/** A merchant to add: keys in clear (sealed before they are stored), settings as given. */
export interface MerchantAddition extends Omit<MerchantInput, 'name'> {
  /** Required for a new merchant; an existing one keeps its name when undefined. */
  name?: string;
}

export interface MerchantAdded {
  merchant: Merchant;
  created: boolean;
  /** The schedules a new merchant got; undefined when it existed. */
  schedules?: ReconcileResult;
}

/**
 * Adds a merchant, or (unless `onlyNew`) changes the given fields of an existing one, keeping the rest: name,
 * mode, keys and settings. A new merchant's shipment and inventory pickups start now, not at the next reconcile.
 */
export async function addMerchant(
  deps: OperationDeps,
  input: MerchantAddition,
  { onlyNew = false } = {},
): Promise<MerchantAdded> {
  const store = createMerchantStore(deps.pool, deps.secretBox());
  const existing = await store.get(input.id);
  if (existing && onlyNew) throw new OperationError('conflict', `merchant ${input.id} already exists`);
  const name = input.name ?? existing?.name;
  if (name === undefined) {
    throw new OperationError('invalid', `merchant ${input.id} is new and needs a display name`, 'name');
  }
  refuseModeWithoutKey(input.id, input.mode, {
    mode: existing?.mode ?? 'test',
    hasTestKey: input.testKey !== undefined || existing?.hasTestKey === true,
    hasProductionKey: input.productionKey !== undefined || existing?.hasProductionKey === true,
  });
  const merchant = await insertedOnce(`merchant ${input.id}`, () =>
    store.upsert({ ...input, name, settings: { ...existing?.settings, ...input.settings } }, deps.actor, {
      insertOnly: !existing,
    }),
  );
  return { merchant, created: !existing, schedules: existing ? undefined : await reconcileNow(deps) };
}

export interface MerchantUpdated {
  merchant: Merchant;
  changes: FieldChanges;
  schedules: ReconcileResult;
  /** The inventory pickup triggered because the mode changed. */
  triggered?: string;
}

/**
 * Changes the given mode and settings of a merchant (audited), reconciles its schedules at once and, after a mode
 * switch, triggers its inventory pickup: orders are routed by the latest stock snapshot, which must be of the new
 * world. Undefined when there is no such merchant.
 */
export async function updateMerchant(
  deps: OperationDeps,
  id: string,
  change: MerchantChange,
): Promise<MerchantUpdated | undefined> {
  const store = createMerchantStore(deps.pool);
  const current = await store.get(id);
  if (!current) return undefined;
  refuseModeWithoutKey(id, change.mode, current);
  const updated = await store.update(id, change, deps.actor);
  if (!updated) return undefined;
  const schedules = await reconcileAfter(deps, updated.changes);
  if (!Object.hasOwn(updated.changes.after, 'mode')) return { ...updated, schedules };
  const triggered = inventoryPickupScheduleId(id);
  await (await deps.temporal()).client.schedule.getHandle(triggered).trigger();
  return { ...updated, schedules, triggered };
}

// The store refuses a mode without its key too, inside its transaction; checked first so it is a conflict.
function refuseModeWithoutKey(
  id: string,
  mode: EasyPostMode | undefined,
  keys: Pick<Merchant, 'mode' | 'hasTestKey' | 'hasProductionKey'>,
): void {
  if (mode && mode !== keys.mode && !(mode === 'test' ? keys.hasTestKey : keys.hasProductionKey)) {
    throw new OperationError('conflict', missingKeyMessage(id, mode));
  }
}
