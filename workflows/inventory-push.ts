import { proxyActivities } from '@temporalio/workflow';
import type { createActivities } from '../activities';
import type { InventoryPushResult } from '../activities/inventory-push';

const { pushCartInventory } = proxyActivities<ReturnType<typeof createActivities>>({
  // Only changed levels go out, in the cart's batch sizes; a cart that stays down waits for the next run, which
  // recomputes from the then-latest snapshot.
  startToCloseTimeout: '10 minutes',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '5 minutes', maximumAttempts: 10 },
});

/** One inventory push to a cart (run by the `inventory-push:<cartId>` schedule). */
export async function inventoryPushWorkflow(input: { cartId: string }): Promise<InventoryPushResult> {
  return pushCartInventory(input);
}
