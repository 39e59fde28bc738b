import { randomInt } from 'node:crypto';
import type { AdvanceCommand, TrackerStatusCommand } from './control-schemas';
import { notFound, SimApiError } from './errors';
import type { Publish } from './events';
import { newId, nowSeconds } from './ids';
import { findOrder } from './orders';
import type { Ledger, Order, Tracker } from './state';

// What the warehouse does to an order after it is accepted: picking, shipping packages, tracker updates.

const POSTAGE_FEE = '7.25000';

type Package = { barcode: string; units: number }[];

/** Units of each barcode not yet in any pick. */
function unshipped(order: Order): Map<string, number> {
  const left = new Map<string, number>();
  for (const line of order.line_items) {
    left.set(line.product.barcode, (left.get(line.product.barcode) ?? 0) + line.units);
  }
  for (const unit of order.picks.flatMap((pick) => pick.inventories)) {
    left.set(unit.product.barcode, (left.get(unit.product.barcode) ?? 0) - 1);
  }
  return left;
}

/** Checks every package against what is left to ship before anything changes. */
function checkPackages(order: Order, packages: readonly Package[]): Map<string, number> {
  const left = unshipped(order);
  packages.forEach((contents, index) => {
    for (const { barcode, units } of contents) {
      const available = left.get(barcode) ?? 0;
      if (units > available) {
        const field = `shipments[${index}].line_items`;
        throw new SimApiError(
          422,
          'SHIPMENT.LINE_ITEMS.INVALID',
          `${field}: ${units} × ${barcode} but ${available} left to ship`,
          field,
        );
      }
      left.set(barcode, available - units);
    }
  });
  return left;
}

function trackingCode(): string {
  return `9400${Array.from({ length: 18 }, () => randomInt(10)).join('')}`;
}

function addPackage(ledger: Ledger, order: Order, shipment: NonNullable<AdvanceCommand['shipments']>[number]): void {
  const trackerStamp = ledger.stamp('trk');
  const tracker: Tracker = {
    ...trackerStamp,
    object: 'Tracker',
    tracking_code: shipment.tracking_code ?? trackingCode(),
    carrier: shipment.carrier ?? 'USPS',
    status: 'pre_transit',
    status_detail: null,
    public_url: `https://track.easypost.com/${Buffer.from(trackerStamp.id).toString('base64url')}`,
  };
  const productOf = (barcode: string) => order.line_items.find((line) => line.product.barcode === barcode)?.product;
  const inventories = shipment.line_items.flatMap(({ barcode, units }) =>
    Array.from({ length: units }, () => ({ id: newId('inv'), product: { id: productOf(barcode)?.id ?? '', barcode } })),
  );
  order.picks.push({ ...ledger.stamp('pick'), tracker, inventories });
  order.trackers.push(tracker);
  order.fees.push({
    ...ledger.stamp('fee'),
    disabled_at: null,
    type: 'postage',
    amount: POSTAGE_FEE,
    charged: true,
    refunded: false,
  });
}

/**
 * Moves an order to `picked` or ships packages. Several shipments make a split shipment; the order
 * stays `picked` until every unit is in a package, then becomes `shipped`.
 */
export function advanceOrder(ledger: Ledger, orderId: string, input: AdvanceCommand, publish: Publish): Order {
  const order = findOrder(ledger, orderId);
  if (order.status === 'cancelled' || order.status === 'shipped') {
    throw new SimApiError(422, 'ORDER.STATUS.NOT_ADVANCEABLE', `Order ${orderId} is already ${order.status}`);
  }
  const everythingLeft = () =>
    [...unshipped(order)].filter(([, units]) => units > 0).map(([barcode, units]) => ({ barcode, units }));
  const shipments = input.shipments ?? (input.to === 'shipped' ? [{ line_items: everythingLeft() }] : []);
  const packages = shipments.map((shipment) => shipment.line_items);
  const left = checkPackages(order, packages);
  for (const shipment of shipments) addPackage(ledger, order, shipment);
  const previousStatus = order.status;
  order.status = [...left.values()].every((units) => units === 0) ? 'shipped' : 'picked';
  order.updated_at = nowSeconds();
  publish('fulfillment.order.updated', order, previousStatus === order.status ? {} : { status: previousStatus });
  return order;
}

/** Changes a tracker's status (e.g. `delivered`) on the order that holds it. */
export function setTrackerStatus(
  ledger: Ledger,
  trackerId: string,
  input: TrackerStatusCommand,
  publish: Publish,
): Order {
  for (const order of ledger.orders.values()) {
    const tracker = order.trackers.find((candidate) => candidate.id === trackerId);
    if (!tracker) continue;
    const previous = { status: tracker.status, status_detail: tracker.status_detail };
    const now = nowSeconds();
    Object.assign(tracker, { status: input.status, status_detail: input.status_detail ?? null, updated_at: now });
    order.updated_at = now;
    publish('fulfillment.order.updated', order, { trackers: [{ id: trackerId, ...previous }] });
    return order;
  }
  throw notFound('Tracker', trackerId);
}
