// Moves a chaos run's orders along: pulls and pickups run back to back, the warehouse ships, buyers cancel.
import type { WorkflowHandle } from '@temporalio/client';
import { setTimeout as sleep } from 'node:timers/promises';
import { DEMO_KEYS } from '../src/simulators/easypost/demo';
import { orderWorkflowId } from '../src/domain/order';
import { inventoryPickupWorkflow, pullOrdersWorkflow, shipmentPickupWorkflow } from '../workflows';
import {
  inventoryPickupScheduleId,
  pullScheduleId,
  retryNowSignal,
  shipmentPickupScheduleId,
} from '../workflows/definitions';
import { FINAL_STATUSES, orderKey } from './audit';
import type { CancelStage, PlannedOrder, Stores } from './load';
import type { ChaosStack } from './stack';

export interface IndexRow {
  cart_id: string;
  cart_order_id: string;
  status: string;
  easypost_order_id: string | null;
}

/** Share of the work done: orders pulled count half, orders in their final state the other half. */
export function progressOf(planned: readonly PlannedOrder[], total: number, index: Map<string, IndexRow>): number {
  let done = 0;
  for (const order of planned) {
    const row = index.get(orderKey(order.cartId, order.cartOrderId));
    if (!row) continue;
    done += FINAL_STATUSES[order.fate].includes(row.status) ? 2 : 1;
  }
  return done / (2 * total);
}

/** The orders index of the run's carts; undefined while PostgreSQL is away. */
export async function readIndex(stack: ChaosStack, stores: Stores): Promise<Map<string, IndexRow> | undefined> {
  try {
    const { rows } = await stack.pool.query<IndexRow>(
      'SELECT cart_id, cart_order_id, status, easypost_order_id FROM orders WHERE merchant_id = ANY($1)',
      [stores.merchantIds],
    );
    return new Map(rows.map((row) => [orderKey(row.cart_id, row.cart_order_id), row]));
  } catch {
    return undefined;
  }
}

export interface PullsAndPickups {
  /** Runs that failed; the next run of the same loop starts over. */
  failures(): number;
  /** Ends the loops (leaving any run in flight to finish on its own) and waits for them. */
  stop(): Promise<void>;
}

const POLL_MS = 500;

/**
 * Runs the carts' pulls and the merchant's shipment and inventory pickups in a loop each, as their schedules would but
 * back to back (the grace merchant's orders never reach the warehouse, so it has pulls only).
 * Each run is polled rather than awaited, so a run stuck behind a dead worker never holds up the end of the loops.
 */
export function runPullsAndPickups(stack: ChaosStack, stores: Stores): PullsAndPickups {
  let stopped = false;
  let failures = 0;
  const loop = async (start: (workflowId: string) => Promise<WorkflowHandle>, name: string) => {
    for (let n = 1; !stopped; n += 1) {
      try {
        const handle = await start(`chaos-${name}-${n}`);
        let status = 'RUNNING';
        while (!stopped && status === 'RUNNING') {
          await sleep(POLL_MS);
          status = (await handle.describe()).status.name;
        }
        if (status !== 'RUNNING' && status !== 'COMPLETED') failures += 1;
      } catch {
        // Temporal unreachable for a moment: try again.
      }
      await sleep(POLL_MS);
    }
  };
  const options = (workflowId: string) => ({ taskQueue: stack.taskQueue, workflowId });
  const [merchantId] = stores.merchantIds;
  const loops = [
    ...[stores.shopCartId, stores.wooCartId, stores.bigCommerceCartId, stores.graceCartId].map((cartId) =>
      loop(
        (id) => stack.client.workflow.start(pullOrdersWorkflow, { ...options(id), args: [{ cartId }] }),
        pullScheduleId(cartId),
      ),
    ),
    loop(
      (id) => stack.client.workflow.start(shipmentPickupWorkflow, { ...options(id), args: [{ merchantId }] }),
      shipmentPickupScheduleId(merchantId),
    ),
    loop(
      (id) => stack.client.workflow.start(inventoryPickupWorkflow, { ...options(id), args: [{ merchantId }] }),
      inventoryPickupScheduleId(merchantId),
    ),
  ];
  return {
    failures: () => failures,
    async stop() {
      stopped = true;
      await Promise.all(loops);
    },
  };
}

/** Buyers' cancels the run made, by the state the orders index showed when they cancelled. */
export type CancelsByState = Partial<Record<CancelStage, number>>;

/**
 * What the outside world does to orders, once each: EasyPost ships those meant to ship once they are at the
 * warehouse (through its control API); buyers cancel those meant to be cancelled once the index shows them in the
 * planned state, or at the warehouse if they went past it unseen (a send can be over between two looks). `acted`
 * collects the orders done, to skip next time; `cancels` counts the cancels by the state they met.
 */
export function actOnOrders(
  stack: ChaosStack,
  planned: readonly PlannedOrder[],
  index: Map<string, IndexRow>,
  acted: Set<string>,
  cancels: CancelsByState,
): void {
  for (const order of planned) {
    const key = orderKey(order.cartId, order.cartOrderId);
    const row = index.get(key);
    if (acted.has(key) || !row) continue;
    try {
      if (order.fate === 'ship' && row.status === 'at_wms' && row.easypost_order_id) {
        stack.sims.easypost.control.advanceOrder(row.easypost_order_id, { api_key: DEMO_KEYS.test_key, to: 'shipped' });
        acted.add(key);
      } else if (order.cancelAt && (row.status === order.cancelAt || row.status === 'at_wms')) {
        order.cancelInCart();
        const stage = row.status as CancelStage;
        cancels[stage] = (cancels[stage] ?? 0) + 1;
        acted.add(key);
      }
    } catch (err) {
      // Left for the next tick; an order that stays put shows in the audit.
      console.warn(`could not act on ${key}: ${String(err)}`);
    }
  }
}

/**
 * Where the low-stock orders are: `settled` once every one is held and those to be cancelled on hold are cancelled,
 * `held` once every one is on hold or ended (cancels may still be on their way), else `waiting`.
 */
export function lowStockState(
  planned: readonly PlannedOrder[],
  index: Map<string, IndexRow>,
): 'waiting' | 'held' | 'settled' {
  const lowStock = planned.filter((order) => order.lowStock);
  const statusOf = (order: PlannedOrder) => index.get(orderKey(order.cartId, order.cartOrderId))?.status ?? '';
  const ended = (order: PlannedOrder) => FINAL_STATUSES[order.fate].includes(statusOf(order));
  if (lowStock.every((order) => (order.fate === 'cancel' ? ended(order) : statusOf(order) === 'on_hold'))) {
    return 'settled';
  }
  return lowStock.every((order) => statusOf(order) === 'on_hold' || ended(order)) ? 'held' : 'waiting';
}

/**
 * Sends `retryNow` (what `epf orders retry` does) to each low-stock order to ship still on hold (one to cancel stays
 * there, so a cancel that never lands shows in the audit): the inventory pickup wakes
 * held orders when the stock changes, so one held again after the restock (its send was in flight) would wait for the
 * daily resend. `retried` collects the orders signalled, once each; a failed signal is tried again next time.
 */
export async function retryHeldLowStock(
  stack: ChaosStack,
  planned: readonly PlannedOrder[],
  index: Map<string, IndexRow>,
  retried: Set<string>,
): Promise<void> {
  for (const order of planned) {
    const key = orderKey(order.cartId, order.cartOrderId);
    const heldToShip = order.lowStock && order.fate === 'ship' && index.get(key)?.status === 'on_hold';
    if (!heldToShip || retried.has(key)) continue;
    try {
      await stack.client.workflow.getHandle(orderWorkflowId(order.cartId, order.cartOrderId)).signal(retryNowSignal);
      retried.add(key);
    } catch (err) {
      console.warn(`could not retry ${key}: ${String(err)}`);
    }
  }
}

/** How many of the planned orders that pass `test` are in each status of the index, as text for the run's log. */
export function statusesOf(
  planned: readonly PlannedOrder[],
  index: Map<string, IndexRow>,
  test: (order: PlannedOrder) => boolean,
): string {
  const counts = new Map<string, number>();
  for (const order of planned.filter(test)) {
    const status = index.get(orderKey(order.cartId, order.cartOrderId))?.status ?? 'unpulled';
    counts.set(status, (counts.get(status) ?? 0) + 1);
  }
  return [...counts].map(([status, n]) => `${status} ${n}`).join(', ');
}

/**
 * The warehouse works through what it still has at the end: every EasyPost order neither shipped nor cancelled
 * ships, as it would in life. An order epf let go (cancelled, yet still open at EasyPost) thus shows as shipped.
 */
export function shipWhatIsLeft(stack: ChaosStack): number {
  const { control } = stack.sims.easypost;
  const open = control.orders(DEMO_KEYS.test_key).filter((order) => !['shipped', 'cancelled'].includes(order.status));
  for (const order of open) control.advanceOrder(order.id, { api_key: DEMO_KEYS.test_key, to: 'shipped' });
  return open.length;
}
