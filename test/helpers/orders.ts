import type { CartOrder } from '../../src/domain/order';
import type { ShipmentUpdate } from '../../workflows/definitions';

let sequence = 0;

/** A valid cart order with a cart order ID unique within the test run. */
export function sampleOrder(overrides: Partial<CartOrder> = {}): CartOrder {
  sequence += 1;
  const id = `${Date.now()}-${sequence}`;
  return {
    merchantId: 'acme',
    cartId: 'acme-manual',
    cartOrderId: id,
    cartOrderNumber: `#${id}`,
    placedAt: '2026-11-25T10:00:00.000Z',
    shipTo: {
      name: 'Ada Lovelace',
      street1: '417 Montgomery St',
      city: 'San Francisco',
      state: 'CA',
      zip: '94104',
      country: 'US',
    },
    lines: [
      { lineId: 'l1', sku: 'SOCK-M', quantity: 2 },
      { lineId: 'l2', sku: 'TOTE', quantity: 1 },
    ],
    shipMethod: 'Standard',
    ...overrides,
  };
}

/** One package of a shipment update; `packageCount` defaults to the order shipping in this one package. */
export function sampleShipment(id: string, orderComplete: boolean, packageCount = 1): ShipmentUpdate {
  return {
    shipmentId: id,
    carrier: 'USPS',
    trackingCode: `9400${id}`,
    shippedAt: '2026-11-26T18:00:00.000Z',
    lines: [{ barcode: '850621000008', units: 1 }],
    orderComplete,
    packageCount,
  };
}
