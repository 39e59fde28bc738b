import { connection, type PageArgs } from './connection';
import type {
  AddressRecord,
  FulfillmentOrderLineRecord,
  FulfillmentOrderRecord,
  FulfillmentRecord,
  OrderRecord,
  ShopState,
} from './state';

// State records as GraphQL objects. graphql-js calls a property that is a function with the field's arguments,
// which is how nested connections get their `first`/`after`.

function mailingAddress(address: AddressRecord | null) {
  if (!address) return null;
  const name = [address.firstName, address.lastName].filter(Boolean).join(' ');
  return { ...address, countryCodeV2: address.countryCode ?? null, name: name || null };
}

function orderView(order: OrderRecord) {
  return { ...order, shippingAddress: mailingAddress(order.shippingAddress) };
}

function lineView(line: FulfillmentOrderLineRecord) {
  return { ...line, variant: { id: line.variantId, sku: line.sku } };
}

export function fulfillmentView(fulfillment: FulfillmentRecord) {
  return {
    id: fulfillment.id,
    status: 'SUCCESS',
    createdAt: fulfillment.createdAt,
    trackingInfo: () => [fulfillment.tracking],
  };
}

export function fulfillmentOrderView(shop: ShopState, fo: FulfillmentOrderRecord) {
  const order = shop.orders.get(fo.orderId);
  return {
    id: fo.id,
    status: fo.status,
    requestStatus: fo.requestStatus,
    createdAt: fo.createdAt,
    updatedAt: fo.updatedAt,
    order: order && orderView(order),
    destination: fo.destination,
    lineItems: (args: PageArgs) => connection(fo.lineItems, args, lineView),
    merchantRequests: (args: PageArgs & { kind?: string | null }) =>
      connection(
        fo.merchantRequests.filter((request) => !args.kind || request.kind === args.kind),
        args,
        (request) => request,
      ),
    fulfillments: (args: PageArgs) =>
      connection(
        shop.fulfillments.filter((fulfillment) => fulfillment.fulfillmentOrderId === fo.id),
        args,
        fulfillmentView,
      ),
  };
}
