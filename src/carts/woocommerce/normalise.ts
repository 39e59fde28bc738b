import type { PulledOrder } from '../adapter';
import { parseCartOrder, type OrderDraft } from '../../domain/order';
import type { WooOrder } from './schemas';

/** WooCommerce sends "" for an empty field; our order model wants it absent. */
const present = (value: string | null | undefined) => (value?.trim() ? value : undefined);

/** WooCommerce's `_gmt` dates carry no zone: they are UTC. */
export function gmt(value: string): string {
  return /(Z|[+-]\d\d:?\d\d)$/.test(value) ? value : `${value}Z`;
}

function name(first?: string | null, last?: string | null): string {
  return [first, last].filter((part) => part?.trim()).join(' ');
}

/** The order in our model, before validation: every WooCommerce field mapped to where our schema looks for it. */
function toCartOrderInput(order: WooOrder, ids: { merchantId: string; cartId: string }): OrderDraft {
  const { shipping, billing } = order;
  return {
    merchantId: ids.merchantId,
    cartId: ids.cartId,
    cartOrderId: String(order.id),
    cartOrderNumber: order.number,
    placedAt: order.date_created_gmt ? gmt(order.date_created_gmt) : undefined,
    shipTo: {
      name: name(shipping.first_name, shipping.last_name),
      company: present(shipping.company),
      street1: shipping.address_1 ?? '',
      street2: present(shipping.address_2),
      city: shipping.city ?? '',
      state: present(shipping.state),
      zip: shipping.postcode ?? '',
      country: shipping.country ?? '',
      // Shipping phone exists since WooCommerce 5.6; older stores only collect the billing phone.
      phone: present(shipping.phone) ?? present(billing.phone),
      email: present(billing.email),
    },
    lines: order.line_items.map((line) => ({
      lineId: line.id === undefined || line.id === null ? '' : String(line.id),
      sku: line.sku ?? '',
      quantity: line.quantity,
      title: present(line.name),
    })),
    shipMethod: order.shipping_lines[0]?.method_title ?? '',
    note: present(order.customer_note),
  };
}

/** One listed order as epf accounts for it: cancelled, a valid order, or malformed with each bad field named. */
export function toPulledOrder(order: WooOrder, ids: { merchantId: string; cartId: string }): PulledOrder {
  if (order.status === 'cancelled') {
    return {
      kind: 'cancelled',
      cartOrderId: String(order.id),
      cartOrderNumber: order.number,
      reason: 'Cancelled in WooCommerce',
    };
  }
  const draft = toCartOrderInput(order, ids);
  const parsed = parseCartOrder(draft);
  return parsed.ok ? { kind: 'order', order: parsed.order } : { kind: 'malformed', draft, problems: parsed.problems };
}
