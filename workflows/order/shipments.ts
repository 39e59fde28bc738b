import { nextUploadAt } from '../../src/domain/delivery-clock';
import { OrderFailure, type OrderStatusView } from '../definitions';
import { pushTracking } from './activities';
import { cancelAtWms } from './cancel';
import { applicationFailureOf } from './failures';
import { finish, transition, waitFor, type OrderRun } from './run';

/**
 * `at_wms`, `cancel_failed` and `shipped`: the order is at the warehouse. It waits for shipments (recorded, and their
 * tracking pushed to the cart), for `retryNow` when a push failed, or for a cancel while nothing has shipped.
 */
export async function atWarehouseStep(run: OrderRun): Promise<OrderStatusView | undefined> {
  const { state } = run;
  const cancellable = state.status !== 'shipped';
  const pushPending = () => state.trackingPushed.length < state.shipments.length;
  await waitFor(
    run,
    () =>
      run.newShipments.length > 0 || (run.wake && pushPending()) || (cancellable && run.cancelRequest !== undefined),
  );
  run.wake = false;
  if (run.newShipments.length > 0 || pushPending()) {
    if (await deliverShipments(run)) return finish(run);
  } else if (await cancelAtWms(run)) {
    return finish(run);
  }
  return undefined;
}

/** Records and pushes each new shipment; true once the whole order shipped and every tracking number is out. */
async function deliverShipments(run: OrderRun): Promise<boolean> {
  const { state } = run;
  const record = () => {
    for (const shipment of run.newShipments.splice(0)) {
      state.shipments.push(shipment);
      transition(run, 'shipped', 'workflow', { shipmentId: shipment.shipmentId, trackingCode: shipment.trackingCode });
    }
  };
  record();
  // The cart's upload slot (aligned to the epoch, so its orders upload together); packages that arrive meanwhile
  // go in the same upload.
  const uploadAt = nextUploadAt(new Date(Date.now()), state.timings?.trackingUploadSeconds ?? 0).getTime();
  if (uploadAt > Date.now()) {
    await waitFor(run, () => false, uploadAt - Date.now());
    record();
  }
  await run.journal.flush();
  for (const [index, shipment] of state.shipments.entries()) {
    if (state.trackingPushed.includes(shipment.shipmentId)) continue;
    try {
      await pushTracking({ order: run.order!, shipment, earlier: state.shipments.slice(0, index) });
    } catch (err) {
      // The cart refused, or stayed down through every retry: the order stays `shipped` with the reason, and
      // `retryNow` pushes again. The shipment itself is safe at EasyPost and in this workflow.
      const failure = applicationFailureOf(err);
      state.lastError = { message: failure?.message ?? String(err), type: OrderFailure.TrackingPushFailed };
      transition(run, 'shipped', 'workflow', { error: state.lastError });
      return false;
    }
    state.trackingPushed.push(shipment.shipmentId);
  }
  state.lastError = undefined;
  // Packages of one order arrive as separate signals: confirm once EasyPost says the order is shipped and every
  // package it counted then is here and pushed.
  const complete = state.shipments.filter((shipment) => shipment.orderComplete);
  if (complete.length === 0 || state.shipments.length < Math.max(...complete.map((s) => s.packageCount))) return false;
  transition(run, 'confirmed');
  return true;
}
