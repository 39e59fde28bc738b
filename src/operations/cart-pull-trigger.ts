import { ScheduleOverlapPolicy, type Client } from '@temporalio/client';
import { pullScheduleId } from '../../workflows/definitions';

/**
 * Runs a cart's pull now through its schedule, so a cart webhook and the interval share one path for orders. A pull
 * already running gets at most one run buffered after it: a burst of webhooks costs one extra pull, and an order
 * that arrived while a pull was listing is still seen.
 */
export async function triggerCartPull(temporal: Client, cartId: string): Promise<void> {
  await temporal.schedule.getHandle(pullScheduleId(cartId)).trigger(ScheduleOverlapPolicy.BUFFER_ONE);
}
