import {
  ActivityFailure,
  ApplicationFailure,
  condition,
  continueAsNew,
  log,
  patched,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
  TimeoutFailure,
  workflowInfo,
} from '@temporalio/workflow';
import type { createActivities } from '../activities';
import type { OrderTimings, PreparedOrder } from '../activities/orders';
import { nextDeliveryAt, nextUploadAt } from '../src/domain/delivery-clock';
import { DEFAULT_RESEND_HOUR, DEFAULT_RESEND_ZONE, nextResendAt } from '../src/domain/hold-clock';
import { describeProblems, parseCartOrder, type CartOrder, type OrderDraft } from '../src/domain/order';
import { canFix, canTransition, type OrderStatus } from '../src/domain/order-status';
import {
  cancelSignal,
  fixOrderUpdate,
  inventoryAvailableSignal,
  OrderFailure,
  retryNowSignal,
  shipmentUpdateSignal,
  statusQuery,
  type CancelRequest,
  type OrderStatusView,
  type ShipmentUpdate,
} from './definitions';
import { applyFix } from './order-fix';
import { OrderJournal } from './order-journal';

type Activities = ReturnType<typeof createActivities>;

// Database reads are quick and local: a local activity costs one history event instead of three.
const { prepareOrder } = proxyLocalActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

// EasyPost calls: transient failures (5xx, timeouts, 429, a call the merchant's pacing turned away) back off up to
// 5 minutes between tries, for 2 hours, then the order goes to `error` where an operator sees it. Bounded by time,
// not attempts: a busy merchant's calls turned away by the pacing (a few seconds each) must not use up the tries.
// Business rejections are non-retryable. One minute holds the parts of a send: up to 3 s of pacing, the lookup of an
// earlier create (a few pages, 20 s at most each), and the create (20 s), which is not sent unless its whole timeout
// fits before the attempt's deadline. No heartbeat: the attempt's deadline must be one the activity itself knows, so
// no retry can start while it still talks to EasyPost; a worker that dies mid-call is noticed a minute later.
const { sendOrder, cancelSentOrder, cancelEasyPostOrder } = proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  scheduleToCloseTimeout: '2 hours',
  retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '5 minutes' },
});

// Cart pushes: carts go down for longer; keep trying for a day before the order shows as stuck. Quick first retries
// (a cart call fails now and then) and at most 2 minutes apart, so tracking reaches the buyer soon after a cart
// comes back.
const { pushTracking, answerCartCancellation } = proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  scheduleToCloseTimeout: '1 day',
  retry: { initialInterval: '1 second', backoffCoefficient: 1.5, maximumInterval: '2 minutes' },
});

/**
 * Orders started before this patch cancelled locally whatever the outcome of their earlier sends, and acted on
 * shipments only at the warehouse; see docs/architecture.md, "Changing workflow code".
 */
export const SENT_ORDER_PATCH = 'cancel-and-ship-sent-orders';

/** Holds per run before continue-as-new: about 15 history events each, so a run stays under ~200 events. */
export const MAX_HOLDS_PER_RUN = 10;

/** What survives continue-as-new. */
export interface OrderState {
  status: OrderStatus;
  easyPostOrderId?: string;
  warehouseId?: string;
  holdCount: number;
  nextResendAt?: string;
  /** While `received`: when the order goes to EasyPost. */
  deliverAt?: string;
  /** While `sending`: when its turn under the merchant's EasyPost rate comes. */
  sendAt?: string;
  /** The merchant's and cart's timing settings, read once when the order is received. */
  timings?: OrderTimings;
  /** When the first send began: the lower bound for finding an order an earlier attempt created. */
  firstSendAt?: string;
  lastError?: OrderStatusView['lastError'];
  cancelReason?: string;
  shipments: ShipmentUpdate[];
  trackingPushed: string[];
}

export interface OrderWorkflowInput {
  /** A validated order, or the draft of a malformed one (it waits in `error` for a fix). */
  order: CartOrder | OrderDraft;
  /** Set only by continue-as-new. */
  state?: OrderState;
}

/** One cart order, from receipt to confirmed or cancelled: send, hold and resend daily, ship, push tracking. */
export async function orderWorkflow(input: OrderWorkflowInput): Promise<OrderStatusView> {
  let draft: CartOrder | OrderDraft = input.order;
  // Set once the draft validates; everything that talks to EasyPost or the cart needs the valid order.
  let order: CartOrder | undefined;
  const state: OrderState = input.state ?? { status: 'received', holdCount: 0, shipments: [], trackingPushed: [] };
  const { workflowId } = workflowInfo();
  let wake = false;
  let cancelRequest: CancelRequest | undefined;
  const newShipments: ShipmentUpdate[] = [];
  let resend = { hour: DEFAULT_RESEND_HOUR, minute: 0, zone: DEFAULT_RESEND_ZONE };

  const view = (): OrderStatusView => ({
    ...state,
    cartId: draft.cartId,
    cartOrderId: draft.cartOrderId,
    cartOrderNumber: draft.cartOrderNumber,
    merchantId: draft.merchantId,
  });

  setHandler(statusQuery, view);
  setHandler(cancelSignal, (request) => {
    cancelRequest ??= request;
  });
  setHandler(retryNowSignal, () => {
    wake = true;
  });
  setHandler(inventoryAvailableSignal, () => {
    if (state.status === 'on_hold') wake = true;
  });
  function receiveShipment(shipment: ShipmentUpdate): void {
    const seen = [...state.shipments, ...newShipments].some((known) => known.shipmentId === shipment.shipmentId);
    if (!seen) newShipments.push(shipment);
  }
  setHandler(shipmentUpdateSignal, receiveShipment);
  setHandler(
    fixOrderUpdate,
    (fix) => {
      order = applyFix(draft, fix);
      draft = order;
      wake = true;
      return 'sending';
    },
    {
      validator: (fix) => {
        if (!canFix(state.status)) {
          throw new Error(`Order is ${state.status}: fixOrder applies only to orders in error or on_hold`);
        }
        applyFix(draft, fix); // throws naming the field when the corrected order is invalid
      },
    },
  );

  const journal = new OrderJournal(
    () => draft,
    () => order,
    state,
  );

  /** Validates the draft; false (with the problems in lastError) while it is malformed. */
  function validate(): boolean {
    if (order) return true;
    const parsed = parseCartOrder(draft);
    if (parsed.ok) {
      order = parsed.order;
      return true;
    }
    const message = describeProblems(parsed.problems);
    state.lastError = { message, field: parsed.problems[0]?.field, type: OrderFailure.InvalidOrder };
    return false;
  }
  function transition(status: OrderStatus, actor = 'workflow', detail: Record<string, unknown> = {}): void {
    // Staying in a state to record a new reason is fine; so is the first `received`.
    const expected =
      status === state.status || canTransition(state.status, status) || (status === 'received' && !input.state);
    if (!expected) {
      log.error('Unexpected order transition', { from: state.status, to: status });
    }
    journal.transition(status, actor, detail);
  }

  /** Waits for `ready` (or the timeout), after writing what changed so far to the orders index. */
  async function waitFor(ready: () => boolean, timeoutMs?: number): Promise<void> {
    await journal.flush();
    if (timeoutMs === undefined) await condition(ready);
    else await condition(ready, Math.max(timeoutMs, 1));
  }

  /** The workflow's result, once everything it did is in the orders index. */
  async function finish(): Promise<OrderStatusView> {
    await journal.flush();
    return view();
  }

  /**
   * A buyer's cancel came from the cart: the cart waits for our answer (Shopify cancellation requests). A cart that
   * refuses or stays down does not undo the outcome: the failure is logged and the outcome stands.
   */
  async function answerCart(request: CancelRequest, accepted: boolean, reason: string): Promise<void> {
    if (request.source !== 'cart') return;
    try {
      await answerCartCancellation({ cartId: draft.cartId, cartOrderId: draft.cartOrderId, accepted, reason });
    } catch (err) {
      log.warn('The cart did not take our answer to its cancellation request', { error: String(err) });
    }
  }

  async function cancelLocally(): Promise<OrderStatusView> {
    const request = cancelRequest!;
    state.cancelReason = request.reason;
    state.nextResendAt = undefined;
    state.deliverAt = undefined;
    transition('cancelled', request.source, { reason: request.reason });
    await journal.flush();
    await answerCart(request, true, 'cancelled before it reached the warehouse');
    return finish();
  }

  /**
   * Whether an earlier send may have created the order at EasyPost though its answer was lost (the workflow never
   * learnt an EasyPost ID): a cancel must then look for it there, and shipments prove it is there.
   */
  function mayBeAtEasyPost(): boolean {
    return state.easyPostOrderId === undefined && state.firstSendAt !== undefined && patched(SENT_ORDER_PATCH);
  }

  /**
   * A cancel before the order reached `at_wms`: local when nothing was ever sent; otherwise every EasyPost order
   * carrying its marker is cancelled first. The order then ends `cancelled` (the cart told so), goes to
   * `cancel_failed` when EasyPost refuses (it was picked: the order is at the warehouse after all), or waits in
   * `error` when EasyPost could not be asked, so it is neither resent nor reported cancelled. Undefined while the
   * order goes on.
   */
  async function cancelBeforeWms(): Promise<OrderStatusView | undefined> {
    if (!mayBeAtEasyPost()) return cancelLocally();
    const request = cancelRequest!;
    cancelRequest = undefined;
    state.nextResendAt = undefined;
    try {
      await journal.flush();
      const cancelled = await cancelSentOrder({
        workflowId,
        merchantId: draft.merchantId,
        createdAfter: earliestCreate(),
      });
      state.easyPostOrderId = cancelled[0];
      state.cancelReason = request.reason;
      transition('cancelled', request.source, { reason: request.reason, easyPostOrderIds: cancelled });
      await journal.flush();
      const where = cancelled.length > 0 ? 'cancelled at the warehouse' : 'cancelled before it reached the warehouse';
      await answerCart(request, true, where);
      return finish();
    } catch (err) {
      const failure = applicationFailureOf(err);
      if (failure?.type === OrderFailure.CancelRefused) {
        state.easyPostOrderId = easyPostOrderIdOf(failure);
        state.lastError = undefined;
        await refuseCancel(request, failure.message);
        return undefined;
      }
      state.lastError = { message: `Cancel not done: ${failure?.message ?? String(err)}`, type: 'CancelFailed' };
      transition('error', request.source, { error: state.lastError });
      return undefined;
    }
  }

  /** The cancel reached EasyPost, which refused it: the order stays tracked as cancel_failed, and the cart is told. */
  async function refuseCancel(request: CancelRequest, refusal: string): Promise<void> {
    log.warn('EasyPost refused the cancel', { reason: refusal });
    state.cancelReason = `${request.reason} (refused by EasyPost: ${refusal})`;
    transition('cancel_failed', request.source, { reason: request.reason, refusal });
    await journal.flush();
    await answerCart(request, false, `the warehouse could not cancel it: ${refusal}`);
  }

  /** An earlier attempt's order can't predate the first send; the margin covers clock skew. */
  function earliestCreate(): string {
    return new Date(Date.parse(state.firstSendAt!) - 60 * 60 * 1000).toISOString();
  }

  /** Records why a call failed, for the status view and the index; returns the failure when it is a named one. */
  function recordFailure(err: unknown): ApplicationFailure | undefined {
    const failure = applicationFailureOf(err);
    state.lastError = {
      message: failure?.message ?? String(err),
      type: failure?.type ?? undefined,
      field: fieldOf(failure),
    };
    return failure;
  }

  /**
   * Translates the order for EasyPost and takes the settings that time it, and a send slot when it goes now;
   * undefined (lastError set) when invalid.
   */
  async function prepare(sendingNow: boolean): Promise<PreparedOrder | undefined> {
    try {
      // A resend first looks for the order an earlier attempt may have created: two requests instead of one.
      const sendRequests = state.firstSendAt === undefined ? 1 : 2;
      const prepared = await prepareOrder(order!, { sendingNow, sendRequests });
      resend = prepared.resend;
      state.timings = prepared.timings;
      state.warehouseId = prepared.warehouseId;
      return prepared;
    } catch (err) {
      recordFailure(err);
      return undefined;
    }
  }

  /**
   * Waits for the send's slot under the merchant's EasyPost rate, on a durable timer; false when a cancel came first.
   * Only a backlog (a flash sale, the 01:00 resend of many held orders) waits: an order alone goes at once.
   */
  async function awaitSendSlot(prepared: PreparedOrder): Promise<boolean> {
    // Not `<= 0`: a history recorded before admission existed has no `sendAfterMs`, and replays it as no wait.
    if (!(prepared.sendAfterMs > 0)) return true;
    state.sendAt = new Date(Date.now() + prepared.sendAfterMs).toISOString();
    await waitFor(() => cancelRequest !== undefined, prepared.sendAfterMs);
    state.sendAt = undefined;
    return cancelRequest === undefined;
  }

  /** Sends the prepared order to EasyPost; returns the next state. */
  async function send(prepared: PreparedOrder): Promise<OrderStatus> {
    const isResend = state.firstSendAt !== undefined;
    state.firstSendAt ??= new Date(Date.now()).toISOString();
    await journal.flush();
    try {
      const sent = await sendOrder({
        workflowId,
        merchantId: draft.merchantId,
        request: prepared.request,
        isResend,
        createdAfter: earliestCreate(),
      });
      state.easyPostOrderId = sent.easyPostOrderId;
      // An adopted order may have shipped while its answer was lost: its packages go the way of a pickup's.
      for (const shipment of sent.shipments ?? []) receiveShipment(shipment);
      state.lastError = undefined;
      return 'at_wms';
    } catch (err) {
      if (recordFailure(err)?.type === OrderFailure.InsufficientInventory) {
        state.holdCount += 1;
        state.nextResendAt = nextResendAt(new Date(Date.now()), resend.hour, resend.zone, resend.minute).toISOString();
        return 'on_hold';
      }
      return 'error';
    }
  }

  /**
   * A received order waits for the merchant's delivery time (grace delay or slot): a buyer's cancel still lands before
   * the warehouse has the order, and retryNow sends at once. Prepared first, to know the settings; the immediate path
   * sends what it prepared, with no timer and no second preparation.
   */
  async function awaitDelivery(): Promise<PreparedOrder | undefined> {
    const prepared = await prepare(false);
    if (!prepared) return undefined;
    const deliverAt = nextDeliveryAt(workflowInfo().startTime, prepared.timings.delivery);
    if (deliverAt.getTime() <= Date.now()) return prepared;
    state.deliverAt = deliverAt.toISOString();
    transition('received', 'workflow', { deliverAt: state.deliverAt }); // the summary and audit say when it goes
    await waitFor(() => wake || cancelRequest !== undefined, deliverAt.getTime() - Date.now());
    wake = false;
    state.deliverAt = undefined;
    // Aliases, stock or settings may have changed while it waited: prepared again when sent.
    return undefined;
  }

  if (!input.state) {
    // Validated first so the summary shows the order; a malformed one goes on to `error`.
    validate();
    transition('received');
  }

  /** Prepared on receipt and not yet sent. */
  let prepared: PreparedOrder | undefined;
  let holdsThisRun = 0;
  for (;;) {
    switch (state.status) {
      case 'received':
        if (cancelRequest) return cancelLocally();
        if (validate()) {
          prepared = await awaitDelivery();
          if (cancelRequest) return cancelLocally();
          if (!prepared && state.lastError) {
            // The order cannot be sent as it is: it fails as a send would, naming the field.
            transition('sending');
            transition('error', 'workflow', { error: state.lastError });
            break;
          }
        }
        transition('sending');
        break;

      case 'sending': {
        if (cancelRequest) {
          const cancelled = await cancelBeforeWms();
          if (cancelled) return cancelled;
          break;
        }
        if (!validate()) {
          transition('error', 'workflow', { error: state.lastError });
          break;
        }
        const ready = prepared ?? (await prepare(true));
        prepared = undefined;
        if (!ready) {
          transition('error', 'workflow', { error: state.lastError });
          break;
        }
        if (!(await awaitSendSlot(ready))) {
          const cancelled = await cancelBeforeWms();
          if (cancelled) return cancelled;
          break;
        }
        const next = await send(ready);
        transition(next, 'workflow', state.lastError ? { error: state.lastError } : {});
        break;
      }

      case 'on_hold':
      case 'error': {
        if (state.status === 'on_hold' && holdsThisRun >= MAX_HOLDS_PER_RUN && !wake && !cancelRequest) {
          await journal.flush();
          await continueAsNew<typeof orderWorkflow>({ order: draft, state });
        }
        // A shipment proves an earlier send created the order, though its answer was lost.
        const shipsHere = mayBeAtEasyPost();
        const until = state.nextResendAt ? Date.parse(state.nextResendAt) - Date.now() : undefined;
        const woken = () => wake || cancelRequest !== undefined || (shipsHere && newShipments.length > 0);
        await waitFor(woken, until);
        if (cancelRequest) {
          const cancelled = await cancelBeforeWms();
          if (cancelled) return cancelled;
          break;
        }
        state.nextResendAt = undefined;
        if (shipsHere && newShipments.length > 0) {
          state.easyPostOrderId = newShipments.find((shipment) => shipment.easyPostOrderId)?.easyPostOrderId;
          state.lastError = undefined;
          transition('at_wms', 'workflow', { reason: 'EasyPost shipped it: an earlier send had created it' });
          break;
        }
        if (state.status === 'on_hold') holdsThisRun += 1;
        wake = false;
        transition('sending');
        break;
      }

      case 'at_wms':
      case 'cancel_failed':
      case 'shipped': {
        const cancellable = state.status !== 'shipped';
        const pushPending = () => state.trackingPushed.length < state.shipments.length;
        await waitFor(
          () => newShipments.length > 0 || (wake && pushPending()) || (cancellable && cancelRequest !== undefined),
        );
        wake = false;
        if (newShipments.length > 0 || pushPending()) {
          if (await deliverShipments()) return finish();
        } else if (await cancelAtWms()) {
          return finish();
        }
        break;
      }

      default:
        // confirmed and cancelled are terminal; the loop never gets here with them.
        return finish();
    }
  }

  /** Records and pushes each new shipment; true once the whole order shipped and every tracking number is out. */
  async function deliverShipments(): Promise<boolean> {
    const record = () => {
      for (const shipment of newShipments.splice(0)) {
        state.shipments.push(shipment);
        transition('shipped', 'workflow', { shipmentId: shipment.shipmentId, trackingCode: shipment.trackingCode });
      }
    };
    record();
    // The cart's upload slot (aligned to the epoch, so its orders upload together); packages that arrive meanwhile
    // go in the same upload.
    const uploadAt = nextUploadAt(new Date(Date.now()), state.timings?.trackingUploadSeconds ?? 0).getTime();
    if (uploadAt > Date.now()) {
      await waitFor(() => false, uploadAt - Date.now());
      record();
    }
    await journal.flush();
    for (const [index, shipment] of state.shipments.entries()) {
      if (state.trackingPushed.includes(shipment.shipmentId)) continue;
      try {
        await pushTracking({ order: order!, shipment, earlier: state.shipments.slice(0, index) });
      } catch (err) {
        // The cart refused, or stayed down through every retry: the order stays `shipped` with the reason, and
        // `retryNow` pushes again. The shipment itself is safe at EasyPost and in this workflow.
        const failure = applicationFailureOf(err);
        state.lastError = { message: failure?.message ?? String(err), type: 'TrackingPushFailed' };
        transition('shipped', 'workflow', { error: state.lastError });
        return false;
      }
      state.trackingPushed.push(shipment.shipmentId);
    }
    state.lastError = undefined;
    // Packages of one order arrive as separate signals: confirm once EasyPost says the order is shipped and every
    // package it counted then is here and pushed.
    const complete = state.shipments.filter((shipment) => shipment.orderComplete);
    if (complete.length === 0 || state.shipments.length < Math.max(...complete.map((s) => s.packageCount)))
      return false;
    transition('confirmed');
    return true;
  }

  /** Cancels at EasyPost; true when cancelled, false when refused (the order stays tracked as cancel_failed). */
  async function cancelAtWms(): Promise<boolean> {
    const request = cancelRequest!;
    cancelRequest = undefined;
    try {
      await journal.flush();
      await cancelEasyPostOrder({ merchantId: draft.merchantId, easyPostOrderId: state.easyPostOrderId! });
      state.cancelReason = request.reason;
      transition('cancelled', request.source, { reason: request.reason });
      await journal.flush();
      await answerCart(request, true, 'cancelled at the warehouse');
      return true;
    } catch (err) {
      const failure = applicationFailureOf(err);
      if (failure?.type !== OrderFailure.CancelRefused) {
        // EasyPost stayed unreachable, or refused our key: nothing changed there. The order stays where it was with
        // the reason; the operator (or the cart's next pull) asks again.
        state.lastError = { message: `Cancel not done: ${failure?.message ?? String(err)}`, type: 'CancelFailed' };
        transition(state.status, request.source, { error: state.lastError });
        return false;
      }
      await refuseCancel(request, failure.message);
      return false;
    }
  }
}

/** The named failure behind an activity's failure: its own, or the last attempt's when its time ran out. */
function applicationFailureOf(err: unknown): ApplicationFailure | undefined {
  let cause = err instanceof ActivityFailure ? err.cause : err;
  if (cause instanceof TimeoutFailure) cause = cause.cause;
  return cause instanceof ApplicationFailure ? cause : undefined;
}

/** The EasyPost order a refused cancel named (`cancelSentOrder` puts it in the failure's details). */
function easyPostOrderIdOf(failure: ApplicationFailure): string | undefined {
  const detail = failure.details?.[0] as { easyPostOrderId?: unknown } | undefined;
  return typeof detail?.easyPostOrderId === 'string' ? detail.easyPostOrderId : undefined;
}

function fieldOf(failure: ApplicationFailure | undefined): string | undefined {
  const detail = failure?.details?.[0] as { field?: unknown } | undefined;
  return typeof detail?.field === 'string' ? detail.field : undefined;
}
