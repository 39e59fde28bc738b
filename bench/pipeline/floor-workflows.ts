// The pipeline bench's workflow bundle: every production workflow plus the bare-Temporal floor, so both run from one
// bundle on identical workers.
import { condition, defineSignal, proxyActivities, proxyLocalActivities, setHandler } from '@temporalio/workflow';
import type { ShipmentUpdate } from '../../workflows/definitions';
import type { floorActivities } from './instrumented-activities';

export * from '../../workflows';

/** What a happy order does in history, in order: activities, local activities, and the shipment signal it waits for. */
export type FloorStep = 'activity' | 'local' | 'signal';

/** The floor's shipment: the same payload the order workflow receives. */
export const floorShipmentSignal = defineSignal<[ShipmentUpdate]>('floorShipment');

type FloorActivities = ReturnType<typeof floorActivities>;
// The order workflow's timeouts; the floor's activities do nothing, so retries never happen.
const { floorActivity } = proxyActivities<FloorActivities>({ startToCloseTimeout: '30 seconds' });
const { floorLocalActivity } = proxyLocalActivities<FloorActivities>({ startToCloseTimeout: '30 seconds' });

/** The floor: a happy order's activities and local activities as no-ops, in its order, around its shipment signal. */
export async function floorWorkflow(steps: FloorStep[]): Promise<void> {
  let shipped = false;
  setHandler(floorShipmentSignal, () => {
    shipped = true;
  });
  // The step before the signal tells the driver the workflow is waiting, as `at_wms` does for an order.
  const readyStep = steps.indexOf('signal') - 1;
  for (const [index, step] of steps.entries()) {
    if (step === 'signal') await condition(() => shipped);
    else if (step === 'activity') await floorActivity(index === readyStep);
    else await floorLocalActivity(index === readyStep);
  }
}
