// Moves a chaos run's orders along: pulls and shipment pickups run back to back, the warehouse ships, buyers cancel.
import type { WorkflowHandle } from '@temporalio/client';
import { setTimeout as sleep } from 'node:timers/promises';
import { DEMO_KEYS } from '../src/simulators/easypost/demo';
import { pullOrdersWorkflow, shipmentPickupWorkflow } from '../workflows';
import { FINAL_STATUSES, orderKey } from './audit';
import type { PlannedOrder, Stores } from './load';
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
      'SELECT cart_id, cart_order_id, status, easypost_order_id FROM orders WHERE merchant_id = $1',
      [stores.merchantId],
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
 * Runs the carts' pulls and the merchant's shipment pickups in a loop each, as their schedules would but back to back.
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
  const { merchantId } = stores;
  const loops = [
    ...[stores.shopCartId, stores.wooCartId].map((cartId) =>
      loop(
        (id) => stack.client.workflow.start(pullOrdersWorkflow, { ...options(id), args: [{ cartId }] }),
        `pull:${cartId}`,
      ),
    ),
    loop(
      (id) => stack.client.workflow.start(shipmentPickupWorkflow, { ...options(id), args: [{ merchantId }] }),
      `shipments:${merchantId}`,
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

/**
 * What the outside world does to orders at the warehouse, once each: EasyPost ships those meant to ship (through its
 * control API), buyers cancel those meant to be cancelled. `acted` collects the orders done, to skip next time.
 */
export function actOnWarehouseOrders(
  stack: ChaosStack,
  planned: readonly PlannedOrder[],
  index: Map<string, IndexRow>,
  acted: Set<string>,
): void {
  for (const order of planned) {
    const key = orderKey(order.cartId, order.cartOrderId);
    const row = index.get(key);
    if (acted.has(key) || row?.status !== 'at_wms' || !row.easypost_order_id) continue;
    try {
      if (order.fate === 'ship') {
        stack.sims.easypost.control.advanceOrder(row.easypost_order_id, { api_key: DEMO_KEYS.test_key, to: 'shipped' });
      } else if (order.fate === 'cancel') {
        order.cancelInCart();
      }
      acted.add(key);
    } catch (err) {
      // Left for the next tick; an order that stays put shows in the audit.
      console.warn(`could not act on ${key}: ${String(err)}`);
    }
  }
}
