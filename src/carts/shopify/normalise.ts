import type { PulledOrder } from '../adapter';
import { parseCartOrder, type OrderDraft } from '../../domain/order';
import type { FulfillmentOrderNode } from './fulfillment-order-schema';
import { LINES_PER_ORDER } from './queries';

/** Empty and null parts become absent, so the order schema says "required" rather than "must not be empty". */
const present = (value: string | null | undefined): string | undefined => value?.trim() || undefined;

function shipTo(node: FulfillmentOrderNode) {
  // The fulfillment order's destination is what this shipment goes to; the order's address is the fallback.
  const destination = node.destination;
  const order = node.order.shippingAddress;
  if (destination) {
    return {
      name: present([destination.firstName, destination.lastName].filter(Boolean).join(' ')),
      company: present(destination.company),
      street1: present(destination.address1),
      street2: present(destination.address2),
      city: present(destination.city),
      // FulfillmentOrderDestination has no provinceCode before 2027-01; the order's address has it.
      state: present(order?.provinceCode) ?? present(destination.province),
      zip: present(destination.zip),
      country: present(destination.countryCode),
      phone: present(destination.phone),
      email: present(destination.email) ?? present(node.order.email),
    };
  }
  if (!order) return undefined;
  return {
    name: present([order.firstName, order.lastName].filter(Boolean).join(' ')),
    company: present(order.company),
    street1: present(order.address1),
    street2: present(order.address2),
    city: present(order.city),
    state: present(order.provinceCode) ?? present(order.province),
    zip: present(order.zip),
    country: present(order.countryCodeV2),
    phone: present(order.phone),
    email: present(node.order.email),
  };
}

/** The merchant's note to us: the order note, else the message sent with the fulfillment request. */
function noteOf(node: FulfillmentOrderNode): string | undefined {
  const request = node.merchantRequests.nodes.find((r) => r.kind === 'FULFILLMENT_REQUEST');
  return present(node.order.note) ?? present(request?.message);
}

/** A fulfillment order whose cancellation the merchant requested, with the merchant's reason. */
export function toCancelled(node: FulfillmentOrderNode): PulledOrder {
  const request = node.merchantRequests.nodes.filter((r) => r.kind === 'CANCELLATION_REQUEST').at(-1);
  return {
    kind: 'cancelled',
    cartOrderId: node.id,
    cartOrderNumber: node.order.name,
    reason: present(request?.message) ?? 'Cancellation requested by the merchant',
  };
}

/**
 * A requested fulfillment order as our cart order: one order per fulfillment order (its id is the cart order id, so
 * an order split across locations becomes one epf order per part), lines at their remaining quantity.
 */
export function toPulledOrder(node: FulfillmentOrderNode, cart: { merchantId: string; cartId: string }): PulledOrder {
  const draft: OrderDraft = {
    merchantId: cart.merchantId,
    cartId: cart.cartId,
    cartOrderId: node.id,
    cartOrderNumber: node.order.name,
    placedAt: node.order.createdAt,
    shipTo: shipTo(node),
    lines: node.lineItems?.nodes.map((line) => ({
      lineId: line.id,
      sku: present(line.sku),
      quantity: line.remainingQuantity,
      title: line.productTitle ?? undefined,
    })),
    shipMethod: present(node.order.shippingLine?.title) ?? present(node.order.shippingLine?.code),
    note: noteOf(node),
  };
  const parsed = parseCartOrder(draft);
  const problems = parsed.ok ? [] : parsed.problems;
  // Lines past the first page were not read: starting the order without them would ship it short.
  if (node.lineItems?.pageInfo.hasNextPage) {
    problems.push({ field: 'lines', message: `more than ${LINES_PER_ORDER} lines; split the order in Shopify` });
  }
  if (parsed.ok && problems.length === 0) return { kind: 'order', order: parsed.order };
  return { kind: 'malformed', draft, problems };
}
