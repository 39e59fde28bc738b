import { log } from '@temporalio/workflow';
import type { PreparedOrder } from '../../activities/order';
import type { OrderStatus } from '../../src/domain/order-status';
import { OrderFailure, type OrderStatusView } from '../definitions';
import { sendOrder } from './activities';
import { cancelBeforeWms } from './cancel';
import { recordFailure } from './failures';
import { receiveShipment } from './handlers';
import { startHold } from './hold';
import { prepare, validate } from './prepare';
import { earliestCreate, transition, waitFor, type OrderRun } from './run';

/**
 * `sending`: prepares the order (unless it was on receipt), waits for its turn under the merchant's EasyPost rate and
 * sends it; it goes on to `at_wms`, `on_hold` (no stock) or `error`. A cancel meanwhile is acted on first.
 */
export async function sendingStep(run: OrderRun): Promise<OrderStatusView | undefined> {
  if (run.cancelRequest) return cancelBeforeWms(run);
  if (!validate(run)) {
    transition(run, 'error', 'workflow', { error: run.state.lastError });
    return undefined;
  }
  const ready = run.prepared ?? (await prepare(run, true));
  run.prepared = undefined;
  if (!ready) {
    transition(run, 'error', 'workflow', { error: run.state.lastError });
    return undefined;
  }
  if (!(await awaitSendSlot(run, ready))) return cancelBeforeWms(run);
  const next = await send(run, ready);
  transition(run, next, 'workflow', run.state.lastError ? { error: run.state.lastError } : warehouseDetail(run));
  return undefined;
}

/**
 * Waits for the send's slot under the merchant's EasyPost rate, on a durable timer; false when a cancel came first.
 * Only a backlog (a flash sale, the 01:00 resend of many held orders) waits: an order alone goes at once.
 */
async function awaitSendSlot(run: OrderRun, prepared: PreparedOrder): Promise<boolean> {
  const { state } = run;
  // Not `<= 0`: a history recorded before admission existed has no `sendAfterMs`, and replays it as no wait.
  if (!(prepared.sendAfterMs > 0)) return true;
  state.sendAt = new Date(Date.now() + prepared.sendAfterMs).toISOString();
  await waitFor(run, () => run.cancelRequest !== undefined, prepared.sendAfterMs);
  state.sendAt = undefined;
  return run.cancelRequest === undefined;
}

/** The audit detail of a send EasyPost put in another warehouse than the rules chose: both, to compare. */
function warehouseDetail({ state }: OrderRun): Record<string, unknown> {
  const { chosenWarehouseId, warehouseId } = state;
  if (chosenWarehouseId === undefined || warehouseId === chosenWarehouseId) return {};
  log.info('EasyPost put the order in another warehouse than the rules chose', { chosenWarehouseId, warehouseId });
  return { chosenWarehouseId, warehouseId };
}

/** Sends the prepared order to EasyPost; returns the next state. */
async function send(run: OrderRun, prepared: PreparedOrder): Promise<OrderStatus> {
  const { state } = run;
  const isResend = state.firstSendAt !== undefined;
  state.firstSendAt ??= new Date(Date.now()).toISOString();
  await run.journal.flush();
  try {
    const sent = await sendOrder({
      workflowId: run.workflowId,
      merchantId: run.draft.merchantId,
      request: prepared.request,
      isResend,
      createdAfter: earliestCreate(run),
    });
    state.easyPostOrderId = sent.easyPostOrderId;
    // EasyPost's answer says where the order is: it wins over the rules' choice (an account may ignore the field).
    if (sent.warehouseId !== undefined) state.warehouseId = sent.warehouseId;
    // An adopted order may have shipped while its answer was lost: its packages go the way of a pickup's.
    for (const shipment of sent.shipments ?? []) receiveShipment(run, shipment);
    state.lastError = undefined;
    return 'at_wms';
  } catch (err) {
    if (recordFailure(run, err)?.type === OrderFailure.InsufficientInventory) {
      startHold(run);
      return 'on_hold';
    }
    return 'error';
  }
}
