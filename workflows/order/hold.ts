import { continueAsNew } from '@temporalio/workflow';
import { nextResendAt } from '../../src/domain/hold-clock';
import type { OrderStatusView } from '../definitions';
import { cancelBeforeWms, mayBeAtEasyPost } from './cancel';
import { transition, waitFor, type OrderRun } from './run';
import type { orderWorkflow } from './workflow';

/** Holds per run before continue-as-new: about 15 history events each, so a run stays under ~200 events. */
export const MAX_HOLDS_PER_RUN = 10;

/** EasyPost lacks the stock: the order is resent at the merchant's next daily resend time (01:00 Pacific unless set). */
export function startHold(run: OrderRun): void {
  const { state, resend } = run;
  state.holdCount += 1;
  state.nextResendAt = nextResendAt(new Date(Date.now()), resend.hour, resend.zone, resend.minute).toISOString();
}

/**
 * `on_hold` and `error`: the order waits for its resend time (on hold), or for `retryNow`, `inventoryAvailable` or a
 * fix, then goes back to `sending`. A cancel meanwhile is acted on; a shipment proves an earlier send reached
 * EasyPost. After MAX_HOLDS_PER_RUN holds the run continues as new, so its history stays short.
 */
export async function onHoldOrErrorStep(run: OrderRun): Promise<OrderStatusView | undefined> {
  const { state } = run;
  if (state.status === 'on_hold' && run.holdsThisRun >= MAX_HOLDS_PER_RUN && !run.wake && !run.cancelRequest) {
    await run.journal.flush();
    await continueAsNew<typeof orderWorkflow>({ order: run.draft, state });
  }
  // A shipment proves an earlier send created the order, though its answer was lost.
  const shipsHere = mayBeAtEasyPost(run);
  const until = state.nextResendAt ? Date.parse(state.nextResendAt) - Date.now() : undefined;
  const woken = () => run.wake || run.cancelRequest !== undefined || (shipsHere && run.newShipments.length > 0);
  await waitFor(run, woken, until);
  if (run.cancelRequest) return cancelBeforeWms(run);
  state.nextResendAt = undefined;
  if (shipsHere && run.newShipments.length > 0) {
    state.easyPostOrderId = run.newShipments.find((shipment) => shipment.easyPostOrderId)?.easyPostOrderId;
    state.lastError = undefined;
    transition(run, 'at_wms', 'workflow', { reason: 'EasyPost shipped it: an earlier send had created it' });
    return undefined;
  }
  if (state.status === 'on_hold') run.holdsThisRun += 1;
  run.wake = false;
  transition(run, 'sending');
  return undefined;
}
