import { setHandler } from '@temporalio/workflow';
import { canFix } from '../../src/domain/order-status';
import {
  cancelSignal,
  fixOrderUpdate,
  inventoryAvailableSignal,
  retryNowSignal,
  shipmentUpdateSignal,
  statusQuery,
  type ShipmentUpdate,
} from '../definitions';
import { applyFix } from './fix';
import { view, type OrderRun } from './run';

/**
 * What the outside world can ask of a running order. Handlers only note the request in the run; the main loop acts
 * on it at its next step.
 */
export function setOrderHandlers(run: OrderRun): void {
  setHandler(statusQuery, () => view(run));
  setHandler(cancelSignal, (request) => {
    run.cancelRequest ??= request;
  });
  setHandler(retryNowSignal, () => {
    run.wake = true;
  });
  setHandler(inventoryAvailableSignal, () => {
    if (run.state.status === 'on_hold') run.wake = true;
  });
  setHandler(shipmentUpdateSignal, (shipment) => receiveShipment(run, shipment));
  setHandler(
    fixOrderUpdate,
    (fix) => {
      run.order = applyFix(run.draft, fix);
      run.draft = run.order;
      run.wake = true;
      return 'sending';
    },
    {
      validator: (fix) => {
        if (!canFix(run.state.status)) {
          throw new Error(`Order is ${run.state.status}: fixOrder applies only to orders in error or on_hold`);
        }
        applyFix(run.draft, fix); // throws naming the field when the corrected order is invalid
      },
    },
  );
}

/**
 * Queues a shipment for recording; a shipment seen before (by its ID) changes nothing. The warehouse EasyPost's order
 * names is where the order is, whatever was chosen: the next transition records it.
 */
export function receiveShipment(run: OrderRun, shipment: ShipmentUpdate): void {
  const seen = [...run.state.shipments, ...run.newShipments].some((known) => known.shipmentId === shipment.shipmentId);
  if (seen) return;
  run.newShipments.push(shipment);
  if (shipment.warehouseId !== undefined) run.state.warehouseId = shipment.warehouseId;
}
