import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { OrderIndex } from '../db/orders';
import { shipmentsOf, type Order, type Shipment } from '../easypost';
import { shipmentUpdateSignal } from '../../workflows/definitions';
import { toShipmentUpdate } from './shipment-update';

export interface ShipmentSignalDeps {
  temporal: Client;
  orders: Pick<OrderIndex, 'find'>;
}

export interface ShipmentSignalOptions {
  /** Only orders of this merchant count (a pickup reads one merchant's EasyPost account). */
  merchantId?: string;
  /** Called after each EasyPost order, e.g. to heartbeat an activity. */
  afterOrder?: (result: ShipmentSignalResult) => void;
}

/** What signalling one EasyPost order's shipments did. */
export type ShipmentSignalResult =
  | { easyPostOrderId: string; outcome: 'signalled'; signalled: number; workflowIds: string[] }
  /** No package has a tracking number yet: nothing to tell the workflow. */
  | { easyPostOrderId: string; outcome: 'no shipments' }
  /** No order in the index carries this EasyPost ID: not ours (another integration on the account), or not sent yet. */
  | { easyPostOrderId: string; outcome: 'unknown order' }
  /** The order's workflow has finished (confirmed, cancelled): the shipment is no longer its business. */
  | { easyPostOrderId: string; outcome: 'workflow closed'; workflowIds: string[] };

/**
 * Sends each package with a tracking number to its order's workflow as a `shipmentUpdate` signal, finding the
 * workflow through the orders index by EasyPost order ID; one result per EasyPost order, in the order first seen.
 * `shipments` may span orders (a pickup's page) but must hold all of each order's packages (`shipmentsOf(order)`):
 * their count is the `packageCount` the workflow waits for. Safe to repeat: the workflow ignores a shipment it has
 * seen, so webhooks and the polling pickup may both report one.
 */
export async function signalShipments(
  deps: ShipmentSignalDeps,
  shipments: Shipment[],
  options: ShipmentSignalOptions = {},
): Promise<ShipmentSignalResult[]> {
  const byOrder = new Map<string, Shipment[]>();
  for (const shipment of shipments) byOrder.set(shipment.orderId, [...(byOrder.get(shipment.orderId) ?? []), shipment]);
  const results: ShipmentSignalResult[] = [];
  for (const [easyPostOrderId, packages] of byOrder) {
    const result = await signalOne(deps, easyPostOrderId, packages, options.merchantId);
    options.afterOrder?.(result);
    results.push(result);
  }
  return results;
}

/** `signalShipments` for the order a `fulfillment.order.*` webhook carries. */
export async function signalOrderShipments(deps: ShipmentSignalDeps, order: Order): Promise<ShipmentSignalResult> {
  const [result] = await signalShipments(deps, shipmentsOf(order));
  return result ?? { easyPostOrderId: order.id, outcome: 'no shipments' };
}

async function signalOne(
  deps: ShipmentSignalDeps,
  easyPostOrderId: string,
  packages: Shipment[],
  merchantId: string | undefined,
): Promise<ShipmentSignalResult> {
  const updates = packages.flatMap((shipment) => toShipmentUpdate(shipment, packages.length) ?? []);
  if (updates.length === 0) return { easyPostOrderId, outcome: 'no shipments' };
  // `find` also matches cart order IDs and numbers; only rows that own this EasyPost order count.
  const rows = (await deps.orders.find(undefined, easyPostOrderId)).filter(
    (row) => row.easypost_order_id === easyPostOrderId && (merchantId === undefined || row.merchant_id === merchantId),
  );
  if (rows.length === 0) return { easyPostOrderId, outcome: 'unknown order' };

  const workflowIds = rows.map((row) => row.workflow_id);
  const open: string[] = [];
  for (const workflowId of workflowIds) {
    const handle = deps.temporal.workflow.getHandle(workflowId);
    try {
      for (const update of updates) await handle.signal(shipmentUpdateSignal, update);
      open.push(workflowId);
    } catch (err) {
      if (!(err instanceof WorkflowNotFoundError)) throw err;
    }
  }
  return open.length > 0
    ? { easyPostOrderId, outcome: 'signalled', signalled: updates.length * open.length, workflowIds: open }
    : { easyPostOrderId, outcome: 'workflow closed', workflowIds };
}
