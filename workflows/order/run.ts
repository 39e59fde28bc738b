import { condition, log, workflowInfo } from '@temporalio/workflow';
import type { PreparedOrder } from '../../activities/order';
import { DEFAULT_RESEND_HOUR, DEFAULT_RESEND_ZONE } from '../../src/domain/hold-clock';
import type { CartOrder, OrderDraft } from '../../src/domain/order';
import { canTransition, type OrderStatus } from '../../src/domain/order-status';
import type { CancelRequest, OrderState, OrderStatusView, OrderWorkflowInput, ShipmentUpdate } from '../definitions';
import { OrderJournal } from './journal';

/** One run of the order workflow: the state that survives continue-as-new, and what lives only in this run. */
export interface OrderRun {
  /** The order as the cart sent it, or as last fixed. */
  draft: CartOrder | OrderDraft;
  /** Set once the draft validates; everything that talks to EasyPost or the cart needs the valid order. */
  order?: CartOrder;
  readonly state: OrderState;
  /** This run continues an earlier one (continue-as-new): the order was received before. */
  readonly continued: boolean;
  readonly workflowId: string;
  readonly journal: OrderJournal;
  /** `retryNow`, `inventoryAvailable` or a fix asked the order to go on now. */
  wake: boolean;
  /** The first cancel asked for and not yet acted on. */
  cancelRequest?: CancelRequest;
  /** Shipments signalled and not yet recorded. */
  readonly newShipments: ShipmentUpdate[];
  /** When held orders are resent; the merchant's setting once the order was prepared. */
  resend: { hour: number; minute: number; zone: string };
  /** Prepared on receipt and not yet sent. */
  prepared?: PreparedOrder;
  holdsThisRun: number;
}

export function startRun(input: OrderWorkflowInput): OrderRun {
  const state: OrderState = input.state ?? { status: 'received', holdCount: 0, shipments: [], trackingPushed: [] };
  const run: OrderRun = {
    draft: input.order,
    state,
    continued: input.state !== undefined,
    workflowId: workflowInfo().workflowId,
    journal: new OrderJournal(
      () => run.draft,
      () => run.order,
      state,
    ),
    wake: false,
    newShipments: [],
    resend: { hour: DEFAULT_RESEND_HOUR, minute: 0, zone: DEFAULT_RESEND_ZONE },
    holdsThisRun: 0,
  };
  return run;
}

/** Where the order is and why: the `status` query's answer and the workflow's result. */
export function view({ state, draft }: OrderRun): OrderStatusView {
  return {
    ...state,
    cartId: draft.cartId,
    cartOrderId: draft.cartOrderId,
    cartOrderNumber: draft.cartOrderNumber,
    merchantId: draft.merchantId,
  };
}

/** Moves the order to `status`; an unexpected move is logged, not refused (the order must not get stuck). */
export function transition(
  run: OrderRun,
  status: OrderStatus,
  actor = 'workflow',
  detail: Record<string, unknown> = {},
): void {
  const { state } = run;
  // Staying in a state to record a new reason is fine; so is the first `received`.
  const expected =
    status === state.status || canTransition(state.status, status) || (status === 'received' && !run.continued);
  if (!expected) {
    log.error('Unexpected order transition', { from: state.status, to: status });
  }
  run.journal.transition(status, actor, detail);
}

/** Waits for `ready` (or the timeout), after writing what changed so far to the orders index. */
export async function waitFor(run: OrderRun, ready: () => boolean, timeoutMs?: number): Promise<void> {
  await run.journal.flush();
  if (timeoutMs === undefined) await condition(ready);
  else await condition(ready, Math.max(timeoutMs, 1));
}

/** An earlier attempt's order can't predate the first send; the margin covers clock skew. */
export function earliestCreate({ state }: OrderRun): string {
  return new Date(Date.parse(state.firstSendAt!) - 60 * 60 * 1000).toISOString();
}

/** The workflow's result, once everything it did is in the orders index. */
export async function finish(run: OrderRun): Promise<OrderStatusView> {
  await run.journal.flush();
  return view(run);
}
