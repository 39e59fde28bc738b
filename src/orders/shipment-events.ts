import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { KeptShipment, KeptShipmentStore } from '../db/kept-shipments';
import type { OrderIndex } from '../db/orders';
import { shipmentsOf, type Order } from '../easypost';
import { shipmentUpdateSignal, type ShipmentUpdate } from '../../workflows/definitions';
import { markerOwner, type MarkerOwner } from './marker-owner';
import { toShipmentUpdate } from './shipment-update';

export interface ShipmentSignalDeps {
  temporal: Client;
  orders: Pick<OrderIndex, 'withEasyPostOrderId' | 'withWorkflowId'>;
  kept: Pick<KeptShipmentStore, 'keep' | 'list' | 'delivered'>;
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
  /** Neither the index nor an `epf:` marker of one of our carts names it: another integration's order. */
  | { easyPostOrderId: string; outcome: 'unknown order' }
  /** The index's order has finished (confirmed, cancelled) knowing this EasyPost order: no longer its business. */
  | { easyPostOrderId: string; outcome: 'workflow closed'; workflowIds: string[] }
  /** Ours, but no running workflow took it: kept in `kept_shipments` and delivered by a later pickup. */
  | { easyPostOrderId: string; outcome: 'kept'; reason: string };

/** One EasyPost order's shipments, as signals, and the marker that names its workflow. */
interface OrderShipments {
  easyPostOrderId: string;
  owner: MarkerOwner | undefined;
  updates: ShipmentUpdate[];
}

/**
 * Sends each package with a tracking number of these EasyPost orders to its order's workflow as a `shipmentUpdate`
 * signal; one result per order, in order. The workflow is found through the orders index by EasyPost order ID, or,
 * when the index does not know that ID yet (a send that timed out after EasyPost committed), from the `epf:` marker
 * in the order's description. Shipments no running workflow takes are kept, so a failure to keep them throws. Safe
 * to repeat: the workflow ignores a shipment it has seen, so webhooks and the polling pickup may both report one.
 */
export async function signalShipments(
  deps: ShipmentSignalDeps,
  orders: readonly Order[],
  options: ShipmentSignalOptions = {},
): Promise<ShipmentSignalResult[]> {
  const results: ShipmentSignalResult[] = [];
  for (const order of orders) {
    const result = await deliver(deps, shipmentsOfOrder(order), options.merchantId);
    options.afterOrder?.(result);
    results.push(result);
  }
  return results;
}

/** `signalShipments` for the order a `fulfillment.order.*` webhook carries. */
export async function signalOrderShipments(deps: ShipmentSignalDeps, order: Order): Promise<ShipmentSignalResult> {
  const [result] = await signalShipments(deps, [order]);
  return result!;
}

/**
 * Tries the merchant's kept shipments again, oldest first, forgetting each once delivered (or once its order's
 * workflow finished knowing it); returns how many were delivered.
 */
export async function redeliverKeptShipments(
  deps: ShipmentSignalDeps,
  merchantId: string,
  afterOrder?: (result: ShipmentSignalResult) => void,
): Promise<number> {
  let delivered = 0;
  for (const kept of await deps.kept.list(merchantId)) {
    const result = await deliver(deps, fromKept(kept), merchantId);
    afterOrder?.(result);
    if (result.outcome === 'kept' || result.outcome === 'unknown order') continue;
    await deps.kept.delivered(kept);
    if (result.outcome === 'signalled') delivered += 1;
  }
  return delivered;
}

function shipmentsOfOrder(order: Order): OrderShipments {
  const packages = shipmentsOf(order);
  return {
    easyPostOrderId: order.id,
    owner: markerOwner(order.description),
    updates: packages.flatMap((shipment) => toShipmentUpdate(shipment, packages.length) ?? []),
  };
}

function fromKept(kept: KeptShipment): OrderShipments {
  const owner = { marker: kept.marker, cartId: kept.cartId, workflowId: kept.workflowId };
  return { easyPostOrderId: kept.easyPostOrderId, owner, updates: kept.updates };
}

async function deliver(
  deps: ShipmentSignalDeps,
  { easyPostOrderId, owner, updates }: OrderShipments,
  merchantId: string | undefined,
): Promise<ShipmentSignalResult> {
  if (updates.length === 0) return { easyPostOrderId, outcome: 'no shipments' };
  // Text with NUL cannot be stored, so no order of ours carries it; asking PostgreSQL would fail the query instead.
  if (easyPostOrderId.includes('\u0000')) return { easyPostOrderId, outcome: 'unknown order' };
  const rows = (await deps.orders.withEasyPostOrderId(easyPostOrderId)).filter(
    (row) => merchantId === undefined || row.merchant_id === merchantId,
  );
  if (rows.length > 0) {
    const workflowIds = rows.map((row) => row.workflow_id);
    const open = await signalEach(deps.temporal, workflowIds, updates);
    return open.length > 0
      ? { easyPostOrderId, outcome: 'signalled', signalled: updates.length * open.length, workflowIds: open }
      : { easyPostOrderId, outcome: 'workflow closed', workflowIds };
  }
  if (!owner) return { easyPostOrderId, outcome: 'unknown order' };

  const reason = await signalMarkerOwner(deps, easyPostOrderId, owner, updates);
  if (reason === undefined) {
    return { easyPostOrderId, outcome: 'signalled', signalled: updates.length, workflowIds: [owner.workflowId!] };
  }
  const kept = await deps.kept.keep({ easyPostOrderId, merchantId, ...owner, updates, reason });
  return kept ? { easyPostOrderId, outcome: 'kept', reason } : { easyPostOrderId, outcome: 'unknown order' };
}

/** Signals the workflow the marker names; undefined once it took the shipments, else why it could not. */
async function signalMarkerOwner(
  deps: ShipmentSignalDeps,
  easyPostOrderId: string,
  owner: MarkerOwner,
  updates: ShipmentUpdate[],
): Promise<string | undefined> {
  const { workflowId } = owner;
  if (workflowId === undefined) return 'its marker is hashed and the orders index does not know the EasyPost order';
  const row = await deps.orders.withWorkflowId(workflowId);
  if (row?.easypost_order_id && row.easypost_order_id !== easyPostOrderId) {
    // Two EasyPost orders carry this order's marker: the workflow must not take the other one's packages.
    return `its order ${workflowId} is EasyPost order ${row.easypost_order_id}: this one is a duplicate at the warehouse`;
  }
  const open = await signalEach(deps.temporal, [workflowId], updates);
  return open.length > 0 ? undefined : `workflow ${workflowId} is not running`;
}

/** Signals every update to each workflow; returns those that are running (a closed one is not found). */
async function signalEach(temporal: Client, workflowIds: string[], updates: ShipmentUpdate[]): Promise<string[]> {
  const open: string[] = [];
  for (const workflowId of workflowIds) {
    const handle = temporal.workflow.getHandle(workflowId);
    try {
      for (const update of updates) await handle.signal(shipmentUpdateSignal, update);
      open.push(workflowId);
    } catch (err) {
      if (!(err instanceof WorkflowNotFoundError)) throw err;
    }
  }
  return open;
}
