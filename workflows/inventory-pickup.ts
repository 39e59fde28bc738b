import { proxyActivities } from '@temporalio/workflow';
import type { createActivities } from '../activities';
import type { InventoryPickupResult } from '../activities/inventory-pickup';

const { pickUpInventory } = proxyActivities<ReturnType<typeof createActivities>>({
  // Reads the whole catalogue's stock, 28 products per EasyPost call; heartbeats per call. Retries wait at most a
  // minute, as pulls do: a restock releases held orders, so a long backoff would hold them back too.
  startToCloseTimeout: '10 minutes',
  heartbeatTimeout: '1 minute',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '1 minute', maximumAttempts: 10 },
});

/** One inventory pickup for a merchant (run by the `inventory-pickup:<merchantId>` schedule). */
export async function inventoryPickupWorkflow(input: { merchantId: string }): Promise<InventoryPickupResult> {
  return pickUpInventory(input);
}
