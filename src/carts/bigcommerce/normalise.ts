import type { PulledOrder } from '../adapter';
import { parseCartOrder, type FieldProblem, type OrderDraft } from '../../domain/order';
import type { BcOrder, BcOrderProduct, BcShippingAddress } from './schemas';

/** An order with the two sub-resources V2 lists apart from it. */
export interface BcOrderDetails {
  order: BcOrder;
  products: BcOrderProduct[];
  addresses: BcShippingAddress[];
}

interface CartIds {
  merchantId: string;
  cartId: string;
}

/** BigCommerce sends "" for an empty field; our order model wants it absent. */
const present = (value: string | null | undefined) => (value?.trim() ? value : undefined);
const idText = (value: unknown) => (typeof value === 'number' || typeof value === 'string' ? String(value) : '');

/** RFC 2822 as ISO 8601 (UTC), or undefined when unreadable. */
export function isoDate(value: string | null | undefined): string | undefined {
  const time = value ? Date.parse(value) : NaN;
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

function name(first?: string | null, last?: string | null): string {
  return [first, last].filter((part) => part?.trim()).join(' ');
}

/** The order in our model, before validation: every BigCommerce field mapped to where our schema looks for it. */
function toDraft({ order, products, addresses }: BcOrderDetails, ids: CartIds): OrderDraft {
  const ship = addresses[0] ?? {};
  return {
    merchantId: ids.merchantId,
    cartId: ids.cartId,
    cartOrderId: String(order.id),
    // BigCommerce shows the order ID as the order number.
    cartOrderNumber: String(order.id),
    placedAt: isoDate(order.date_created),
    shipTo: {
      name: name(ship.first_name, ship.last_name),
      company: present(ship.company),
      street1: ship.street_1 ?? '',
      street2: present(ship.street_2),
      city: ship.city ?? '',
      state: present(ship.state),
      zip: ship.zip ?? '',
      country: ship.country_iso2 ?? '',
      phone: present(ship.phone) ?? present(order.billing_address.phone),
      email: present(ship.email) ?? present(order.billing_address.email),
    },
    lines: products.map((product) => ({
      lineId: idText(product.id),
      sku: product.sku ?? '',
      quantity: product.quantity,
      title: present(product.name),
    })),
    shipMethod: ship.shipping_method ?? '',
    note: present(order.customer_message),
  };
}

/** Problems our order schema cannot see: epf sends one parcel to one address per order. */
function addressProblems(addresses: BcShippingAddress[]): FieldProblem[] {
  if (addresses.length === 1) return [];
  if (addresses.length === 0) return [{ field: 'shipTo', message: 'the order has no shipping address' }];
  return [
    {
      field: 'shipTo',
      message: `the order ships to ${addresses.length} addresses; epf sends one address per order`,
    },
  ];
}

/** A listed order to fulfil, as epf accounts for it: a valid order, or malformed with each bad field named. */
export function toPulledOrder(details: BcOrderDetails, ids: CartIds): PulledOrder {
  const draft = toDraft(details, ids);
  const parsed = parseCartOrder(draft);
  const extra = addressProblems(details.addresses);
  if (parsed.ok && extra.length === 0) return { kind: 'order', order: parsed.order };
  return { kind: 'malformed', draft, problems: [...extra, ...(parsed.ok ? [] : parsed.problems)] };
}

/** A listed order the merchant cancelled (status 5). */
export function toCancelled(order: BcOrder): PulledOrder {
  return {
    kind: 'cancelled',
    cartOrderId: String(order.id),
    cartOrderNumber: String(order.id),
    reason: 'Cancelled in BigCommerce',
  };
}
