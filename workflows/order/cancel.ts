import { log, patched } from '@temporalio/workflow';
import { OrderFailure, type CancelRequest, type OrderStatusView } from '../definitions';
import { answerCartCancellation, cancelEasyPostOrder, cancelSentOrder } from './activities';
import { applicationFailureOf, easyPostOrderIdOf } from './failures';
import { earliestCreate, finish, transition, type OrderRun } from './run';

/**
 * Orders started before this patch cancelled locally whatever the outcome of their earlier sends, and acted on
 * shipments only at the warehouse; see docs/architecture.md, "Changing workflow code".
 */
const SENT_ORDER_PATCH = 'cancel-and-ship-sent-orders';

/** A cancel before anything was sent: the order ends `cancelled` here, and a cart that asked is told. */
export async function cancelLocally(run: OrderRun): Promise<OrderStatusView> {
  const { state } = run;
  const request = run.cancelRequest!;
  state.cancelReason = request.reason;
  state.nextResendAt = undefined;
  state.deliverAt = undefined;
  transition(run, 'cancelled', request.source, { reason: request.reason });
  await run.journal.flush();
  await answerCart(run, request, true, 'cancelled before it reached the warehouse');
  return finish(run);
}

/**
 * Whether an earlier send may have created the order at EasyPost though its answer was lost (the workflow never
 * learnt an EasyPost ID): a cancel must then look for it there, and shipments prove it is there.
 */
export function mayBeAtEasyPost({ state }: OrderRun): boolean {
  return state.easyPostOrderId === undefined && state.firstSendAt !== undefined && patched(SENT_ORDER_PATCH);
}

/**
 * A cancel before the order reached `at_wms`: local when nothing was ever sent; otherwise every EasyPost order
 * carrying its marker is cancelled first. The order then ends `cancelled` (the cart told so), goes to
 * `cancel_failed` when EasyPost refuses (it was picked: the order is at the warehouse after all), or waits in
 * `error` when EasyPost could not be asked, so it is neither resent nor reported cancelled. Undefined while the
 * order goes on.
 */
export async function cancelBeforeWms(run: OrderRun): Promise<OrderStatusView | undefined> {
  if (!mayBeAtEasyPost(run)) return cancelLocally(run);
  const { state } = run;
  const request = run.cancelRequest!;
  run.cancelRequest = undefined;
  state.nextResendAt = undefined;
  try {
    await run.journal.flush();
    const cancelled = await cancelSentOrder({
      workflowId: run.workflowId,
      merchantId: run.draft.merchantId,
      createdAfter: earliestCreate(run),
    });
    state.easyPostOrderId = cancelled[0];
    state.cancelReason = request.reason;
    transition(run, 'cancelled', request.source, { reason: request.reason, easyPostOrderIds: cancelled });
    await run.journal.flush();
    const where = cancelled.length > 0 ? 'cancelled at the warehouse' : 'cancelled before it reached the warehouse';
    await answerCart(run, request, true, where);
    return finish(run);
  } catch (err) {
    const failure = applicationFailureOf(err);
    if (failure?.type === OrderFailure.CancelRefused) {
      state.easyPostOrderId = easyPostOrderIdOf(failure);
      state.lastError = undefined;
      await refuseCancel(run, request, failure.message);
      return undefined;
    }
    state.lastError = {
      message: `Cancel not done: ${failure?.message ?? String(err)}`,
      type: OrderFailure.CancelFailed,
    };
    transition(run, 'error', request.source, { error: state.lastError });
    return undefined;
  }
}

/** Cancels at EasyPost; true when cancelled, false when refused (the order stays tracked as cancel_failed). */
export async function cancelAtWms(run: OrderRun): Promise<boolean> {
  const { state } = run;
  const request = run.cancelRequest!;
  run.cancelRequest = undefined;
  try {
    await run.journal.flush();
    await cancelEasyPostOrder({ merchantId: run.draft.merchantId, easyPostOrderId: state.easyPostOrderId! });
    state.cancelReason = request.reason;
    transition(run, 'cancelled', request.source, { reason: request.reason });
    await run.journal.flush();
    await answerCart(run, request, true, 'cancelled at the warehouse');
    return true;
  } catch (err) {
    const failure = applicationFailureOf(err);
    if (failure?.type !== OrderFailure.CancelRefused) {
      // EasyPost stayed unreachable, or refused our key: nothing changed there. The order stays where it was with
      // the reason; the operator (or the cart's next pull) asks again.
      state.lastError = {
        message: `Cancel not done: ${failure?.message ?? String(err)}`,
        type: OrderFailure.CancelFailed,
      };
      transition(run, state.status, request.source, { error: state.lastError });
      return false;
    }
    await refuseCancel(run, request, failure.message);
    return false;
  }
}

/** The cancel reached EasyPost, which refused it: the order stays tracked as cancel_failed, and the cart is told. */
async function refuseCancel(run: OrderRun, request: CancelRequest, refusal: string): Promise<void> {
  log.warn('EasyPost refused the cancel', { reason: refusal });
  run.state.cancelReason = `${request.reason} (refused by EasyPost: ${refusal})`;
  transition(run, 'cancel_failed', request.source, { reason: request.reason, refusal });
  await run.journal.flush();
  await answerCart(run, request, false, `the warehouse could not cancel it: ${refusal}`);
}

/**
 * A buyer's cancel came from the cart: the cart waits for our answer (Shopify cancellation requests). A cart that
 * refuses or stays down does not undo the outcome: the failure is logged and the outcome stands.
 */
async function answerCart(run: OrderRun, request: CancelRequest, accepted: boolean, reason: string): Promise<void> {
  if (request.source !== 'cart') return;
  const { cartId, cartOrderId } = run.draft;
  try {
    await answerCartCancellation({ cartId, cartOrderId, accepted, reason });
  } catch (err) {
    log.warn('The cart did not take our answer to its cancellation request', { error: String(err) });
  }
}
