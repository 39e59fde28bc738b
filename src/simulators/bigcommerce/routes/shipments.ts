import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { BcError } from '../errors';
import { pageOf, pageQuerySchema, parseV2Query } from '../listing';
import { setStatus } from '../orders';
import { rfc2822, type BcShipment, type Store, type StoreRegistry } from '../state';
import { PARTIALLY_SHIPPED, SHIPPED } from '../statuses';
import { parseParams } from '../validation';
import { storeOf } from './auth';
import { orderIn, sendPage, type WithOrder } from './orders';

const createSchema = z.object({
  order_address_id: z.number().int(),
  tracking_number: z.string().max(50).default(''),
  tracking_carrier: z.string().default(''),
  shipping_provider: z.string().default(''),
  shipping_method: z.string().default(''),
  tracking_link: z.string().max(500).default(''),
  comments: z.string().default(''),
  items: z.array(z.object({ order_product_id: z.number().int(), quantity: z.number().int().positive() })).min(1),
});

/** Checks the shipment against the order and records it: items shipped move, then the status follows. */
function ship(store: Store, orderId: number, id: number, input: z.output<typeof createSchema>): BcShipment {
  const order = store.orders.get(orderId)!;
  const address = (store.addresses.get(orderId) ?? []).find((entry) => entry.id === input.order_address_id);
  if (!address)
    throw new BcError(400, `The order_address_id ${input.order_address_id} is not an address of this order.`);
  const products = store.products.get(orderId) ?? [];
  const items = input.items.map((item) => {
    const product = products.find((entry) => entry.id === item.order_product_id);
    if (!product || product.order_address_id !== address.id) {
      throw new BcError(400, `The order_product_id ${item.order_product_id} is not shipped to this address.`);
    }
    if (item.quantity > product.quantity - product.quantity_shipped) {
      throw new BcError(400, `Cannot ship more than the remaining quantity of order product ${product.id}.`);
    }
    return { product, quantity: item.quantity };
  });
  for (const { product, quantity } of items) product.quantity_shipped += quantity;
  const shipped = items.reduce((sum, item) => sum + item.quantity, 0);
  address.items_shipped += shipped;
  order.items_shipped += shipped;
  const now = new Date();
  const shipment: BcShipment = {
    id,
    order_id: orderId,
    order_address_id: address.id,
    date_created: rfc2822(now),
    tracking_number: input.tracking_number,
    shipping_method: input.shipping_method,
    shipping_provider: input.shipping_provider,
    tracking_carrier: input.tracking_carrier,
    tracking_link: input.tracking_link,
    generated_tracking_link: input.tracking_carrier
      ? `https://www.aftership.com/track/${input.tracking_carrier}/${input.tracking_number}`
      : '',
    comments: input.comments,
    items: items.map(({ product, quantity }) => ({
      order_product_id: product.id,
      product_id: product.product_id,
      quantity,
    })),
  };
  store.shipments.set(orderId, [...(store.shipments.get(orderId) ?? []), shipment]);
  // BigCommerce moves the status itself as items ship.
  setStatus(order, order.items_shipped >= order.items_total ? SHIPPED : PARTIALLY_SHIPPED, now);
  order.date_shipped = rfc2822(now);
  return shipment;
}

/** `GET|POST /v2/orders/{id}/shipments`. */
export function shipmentRoutes(app: FastifyInstance, registry: StoreRegistry): void {
  app.get<WithOrder>('/orders/:order_id/shipments', async (request, reply) => {
    const store = storeOf(request);
    const order = orderIn(store, request.params.order_id);
    return sendPage(reply, pageOf(store.shipments.get(order.id) ?? [], parseV2Query(pageQuerySchema, request.query)));
  });

  app.post<WithOrder>('/orders/:order_id/shipments', async (request, reply) => {
    const store = storeOf(request);
    const order = orderIn(store, request.params.order_id);
    const shipment = ship(store, order.id, registry.id(), parseParams(createSchema, request.body, 'v2'));
    return reply.code(201).send(structuredClone(shipment));
  });
}
