import { proxyActivities } from '@temporalio/workflow';
import type { createActivities } from '../activities';
import type { InventoryPickupResult } from '../activities/inventory-pickup';
import type { InventoryPushResult } from '../activities/inventory-push';

type Activities = ReturnType<typeof createActivities>;

const { pickUpInventory } = proxyActivities<Activities>({
  // Reads the whole catalogue's stock, 28 products per EasyPost call; heartbeats per call.
  startToCloseTimeout: '10 minutes',
  heartbeatTimeout: '1 minute',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '5 minutes', maximumAttempts: 10 },
});

const { pushCartInventory } = proxyActivities<Activities>({
  // Only changed levels go out, in the cart's batch sizes; a cart that stays down waits for the next run, which
  // recomputes from the then-latest snapshot.
  startToCloseTimeout: '10 minutes',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '5 minutes', maximumAttempts: 10 },
});

/** One inventory pickup for a merchant (run by the `inventory-pickup:<merchantId>` schedule). */
export async function inventoryPickupWorkflow(input: { merchantId: string }): Promise<InventoryPickupResult> {
  return pickUpInventory(input);
}

/** One inventory push to a cart (run by the `inventory-push:<cartId>` schedule). */
export async function inventoryPushWorkflow(input: { cartId: string }): Promise<InventoryPushResult> {
  return pushCartInventory(input);
}
