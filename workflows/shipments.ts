import { proxyActivities } from '@temporalio/workflow';
import type { createActivities } from '../activities';
import type { PickupResult } from '../activities/shipments';

const { pickUpShipments } = proxyActivities<ReturnType<typeof createActivities>>({
  // Pages EasyPost's orders and signals one workflow per package; heartbeats per package.
  startToCloseTimeout: '10 minutes',
  heartbeatTimeout: '1 minute',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '5 minutes', maximumAttempts: 10 },
});

/** One shipment pickup for a merchant (run by the `shipments:<merchantId>` schedule). */
export async function shipmentPickupWorkflow(input: { merchantId: string }): Promise<PickupResult> {
  return pickUpShipments(input);
}
