import { workflowInfo } from '@temporalio/workflow';
import type { PreparedOrder } from '../../activities/order';
import { nextDeliveryAt } from '../../src/domain/delivery-clock';
import type { OrderStatusView } from '../definitions';
import { cancelLocally } from './cancel';
import { prepare, validate } from './prepare';
import { transition, waitFor, type OrderRun } from './run';

/**
 * `received`: the order waits for the merchant's delivery time, then goes on to `sending` (or to `error` when it
 * cannot be sent as it is). A cancel meanwhile ends it here, without calling EasyPost.
 */
export async function receivedStep(run: OrderRun): Promise<OrderStatusView | undefined> {
  if (run.cancelRequest) return cancelLocally(run);
  if (validate(run)) {
    run.prepared = await awaitDelivery(run);
    if (run.cancelRequest) return cancelLocally(run);
    if (!run.prepared && run.state.lastError) {
      // The order cannot be sent as it is: it fails as a send would, naming the field.
      transition(run, 'sending');
      transition(run, 'error', 'workflow', { error: run.state.lastError });
      return undefined;
    }
  }
  transition(run, 'sending');
  return undefined;
}

/**
 * A received order waits for the merchant's delivery time (grace delay or slot): a buyer's cancel still lands before
 * the warehouse has the order, and retryNow sends at once. Prepared first, to know the settings; the immediate path
 * sends what it prepared, with no timer and no second preparation.
 */
async function awaitDelivery(run: OrderRun): Promise<PreparedOrder | undefined> {
  const { state } = run;
  const prepared = await prepare(run, false);
  if (!prepared) return undefined;
  const deliverAt = nextDeliveryAt(workflowInfo().startTime, prepared.timings.delivery);
  if (deliverAt.getTime() <= Date.now()) return prepared;
  state.deliverAt = deliverAt.toISOString();
  transition(run, 'received', 'workflow', { deliverAt: state.deliverAt }); // the summary and audit say when it goes
  await waitFor(run, () => run.wake || run.cancelRequest !== undefined, deliverAt.getTime() - Date.now());
  run.wake = false;
  state.deliverAt = undefined;
  // Aliases, stock or settings may have changed while it waited: prepared again when sent.
  return undefined;
}
