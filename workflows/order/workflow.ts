import type { OrderStatusView, OrderWorkflowInput } from '../definitions';
import { receivedStep } from './delivery';
import { setOrderHandlers } from './handlers';
import { onHoldOrErrorStep } from './hold';
import { validate } from './prepare';
import { finish, startRun, transition } from './run';
import { atWarehouseStep } from './shipments';
import { sendingStep } from './send';

/**
 * One cart order, from receipt to confirmed or cancelled: send, hold and resend daily, ship, push tracking. Each
 * state has its step (a file of this folder); a step returns the result when the order is done, undefined to go on.
 */
export async function orderWorkflow(input: OrderWorkflowInput): Promise<OrderStatusView> {
  const run = startRun(input);
  setOrderHandlers(run);

  if (!run.continued) {
    // Validated first so the summary shows the order; a malformed one goes on to `error`.
    validate(run);
    transition(run, 'received');
  }

  for (;;) {
    let done: OrderStatusView | undefined;
    switch (run.state.status) {
      case 'received':
        done = await receivedStep(run);
        break;
      case 'sending':
        done = await sendingStep(run);
        break;
      case 'on_hold':
      case 'error':
        done = await onHoldOrErrorStep(run);
        break;
      case 'at_wms':
      case 'cancel_failed':
      case 'shipped':
        done = await atWarehouseStep(run);
        break;
      case 'confirmed':
      case 'cancelled':
      default:
        // Terminal; the loop never gets here with them, and never spins on a status it does not know.
        return finish(run);
    }
    if (done) return done;
  }
}
