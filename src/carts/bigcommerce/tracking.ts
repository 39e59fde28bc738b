import type { TrackingPush } from '../adapter';
import { CartRefusal } from '../adapter';
import { listAllV2 } from './collections';
import type { BigCommerceHttp } from './http';
import { bcOrderProductsSchema, bcOrderStatusSchema, bcShipmentsSchema } from './schemas';

/** BigCommerce's status "Shipped". */
const SHIPPED = 2;

// EasyPost carrier names → AfterShip courier slugs, which BigCommerce takes as `tracking_carrier` and links to.
const AFTERSHIP_SLUGS: Record<string, string> = {
  usps: 'usps',
  ups: 'ups',
  fedex: 'fedex',
  dhlexpress: 'dhl',
  dhlecommerce: 'dhl-global-mail',
  canadapost: 'canada-post',
  ontrac: 'ontrac',
  lasership: 'lasership',
};

const slugOf = (carrier: string) => AFTERSHIP_SLUGS[carrier.toLowerCase().replace(/[^a-z]/g, '')] ?? '';

/** The shipment's items: the pushed lines (order product IDs), or everything still unshipped when none are named. */
function shipmentItems(push: TrackingPush, products: ReturnType<typeof bcOrderProductsSchema.parse>) {
  if (push.lines.length > 0) {
    return push.lines.map((line) => ({ order_product_id: Number(line.lineId), quantity: line.quantity }));
  }
  return products
    .map((product) => ({
      order_product_id: Number(product.id),
      quantity: Number(product.quantity) - product.quantity_shipped,
    }))
    .filter((item) => item.quantity > 0);
}

/**
 * Records one package as an order shipment (docs/bigcommerce-api.md §6): the order's shipments are read first and a
 * shipment with the same tracking number means it is already there, so pushing the same package twice changes
 * nothing. BigCommerce moves the order to Partially Shipped or Shipped as items ship; when the package completes the
 * order and the status is not Shipped yet (lines epf did not send), epf sets it.
 */
export async function pushTracking(http: BigCommerceHttp, push: TrackingPush): Promise<void> {
  const orderPath = `v2/orders/${encodeURIComponent(push.cartOrderId)}`;
  const shipments = bcShipmentsSchema.parse(await listAllV2(http, `${orderPath}/shipments`));
  if (!shipments.some((shipment) => shipment.tracking_number === push.trackingCode)) {
    const products = bcOrderProductsSchema.parse(await listAllV2(http, `${orderPath}/products`));
    const addressId = products[0]?.order_address_id;
    if (typeof addressId !== 'number') throw new CartRefusal(`BigCommerce order ${push.cartOrderId} has no products`);
    await http('POST', `${orderPath}/shipments`, {
      body: {
        order_address_id: addressId,
        tracking_number: push.trackingCode,
        tracking_carrier: slugOf(push.carrier),
        shipping_method: push.carrier,
        ...(push.trackingUrl && { tracking_link: push.trackingUrl }),
        items: shipmentItems(push, products),
      },
    });
  }
  if (push.orderComplete) {
    const order = bcOrderStatusSchema.parse((await http('GET', orderPath)).body);
    if (order.status_id !== SHIPPED) await http('PUT', orderPath, { body: { status_id: SHIPPED } });
  }
}
