// Workflow and schedule IDs, built here only: the worker, clients, the dev launcher, chaos and tests all call these.

/** The deterministic workflow ID of a cart order: a second pull of the same order cannot start a second workflow. */
export { orderWorkflowId, parseOrderWorkflowId } from '../src/domain/order';

/** The deterministic ID of an operational check run; one per requester so concurrent checks never collide. */
export function healthCheckWorkflowId(requester: string): string {
  return `healthcheck:${requester}`;
}

/** The schedule that pulls a cart's orders, and the ID prefix of its runs. */
export function pullScheduleId(cartId: string): string {
  return `pull:${cartId}`;
}

/** The schedule that picks up a merchant's shipments from EasyPost, and the ID prefix of its runs. */
export function shipmentPickupScheduleId(merchantId: string): string {
  return `shipments:${merchantId}`;
}

/** The schedule that checks a merchant's EasyPost orders for duplicates, and the ID prefix of its runs. */
export function duplicateCheckScheduleId(merchantId: string): string {
  return `duplicates:${merchantId}`;
}

/** The schedule that takes a merchant's stock snapshot from EasyPost, and the ID prefix of its runs. */
export function inventoryPickupScheduleId(merchantId: string): string {
  return `inventory-pickup:${merchantId}`;
}

/** The schedule that pushes a merchant's stock to one cart, and the ID prefix of its runs. */
export function inventoryPushScheduleId(cartId: string): string {
  return `inventory-push:${cartId}`;
}

/** The schedule that posts new exceptions to the alert webhook, and the ID prefix of its runs. */
export const EXCEPTIONS_ALERT_SCHEDULE_ID = 'exceptions-alert';
