import { orderWorkflowId, type CartOrder } from '../../src/domain/order';
import type { EasyPostClient, Order } from '../../src/easypost';
import { orderMarker } from '../../src/easypost/idempotent-create';
import { BARCODES } from './order-stack';

/** An order of one unit of `barcode` made straight at EasyPost, with `description` (ours, or another integration's). */
export function createEasyPostOrder(
  easyPost: Pick<EasyPostClient, 'createOrder'>,
  description: string,
  barcode: string = BARCODES.socks,
): Promise<Order> {
  return easyPost.createOrder({
    service: 'standard',
    description,
    destination: {
      name: 'A Buyer',
      street1: '417 Montgomery St',
      city: 'San Francisco',
      state: 'CA',
      zip: '94104',
      country: 'US',
    },
    line_items: [{ product: { barcode }, units: 1 }],
  });
}

/**
 * An EasyPost order carrying `order`'s marker, as a send that timed out after EasyPost committed leaves it: at
 * EasyPost, while the order's workflow may not have recorded it (or may not run at all).
 */
export function createMarkedOrder(easyPost: Pick<EasyPostClient, 'createOrder'>, order: CartOrder): Promise<Order> {
  return createEasyPostOrder(easyPost, `Phone order ${orderMarker(orderWorkflowId(order.cartId, order.cartOrderId))}`);
}
