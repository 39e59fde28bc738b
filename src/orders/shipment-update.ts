import { ORDER_STATUS, type Shipment } from '../easypost';
import type { ShipmentUpdate } from '../../workflows/definitions';

/**
 * The `shipmentUpdate` signal for one EasyPost package, or undefined while it has no tracking number yet (the cart
 * needs one). `packageCount` is how many packages the order has at EasyPost now (`shipmentsOf(order).length`): once
 * the order is shipped, the workflow confirms only after it has seen them all. Lines without a barcode are counted by
 * product ID only and left out: carts match on barcodes/SKUs.
 */
export function toShipmentUpdate(shipment: Shipment, packageCount: number): ShipmentUpdate | undefined {
  const tracker = shipment.tracker;
  if (!tracker?.tracking_code) return undefined;
  return {
    shipmentId: shipment.pickId ?? tracker.id,
    carrier: tracker.carrier ?? 'unknown',
    trackingCode: tracker.tracking_code,
    trackingUrl: tracker.public_url ?? undefined,
    shippedAt: shipment.updatedAt,
    lines: shipment.lineItems.flatMap((line) => (line.barcode ? [{ barcode: line.barcode, units: line.units }] : [])),
    orderComplete: shipment.orderStatus === ORDER_STATUS.shipped,
    packageCount,
    easyPostOrderId: shipment.orderId,
    warehouseId: shipment.warehouseId,
  };
}
