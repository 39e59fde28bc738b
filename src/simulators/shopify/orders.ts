import type { AddressInput, Malformation, OrderInput, Unrequested } from './control-schemas';
import type { IdSequence } from './ids';
import {
  inventoryItemFor,
  type AddressRecord,
  type FulfillmentOrderRecord,
  type FulfillmentOrderStatus,
  type ShopState,
} from './state';

type OrderSpec = NonNullable<OrderInput['order']>;

const DEFAULT_ADDRESS: Required<AddressInput> = {
  first_name: 'Ada',
  last_name: 'Lovelace',
  company: '',
  address1: '417 Montgomery St',
  address2: '',
  city: 'San Francisco',
  province: 'California',
  province_code: 'CA',
  zip: '94104',
  country_code: 'US',
  phone: '+14155550100',
};

function addressRecord(input: AddressInput = {}): AddressRecord {
  const a = { ...DEFAULT_ADDRESS, ...input };
  // Shopify leaves absent optional parts null rather than "".
  const orNull = (value: string) => (value === '' ? null : value);
  return {
    firstName: orNull(a.first_name),
    lastName: orNull(a.last_name),
    company: orNull(a.company),
    address1: orNull(a.address1),
    address2: orNull(a.address2),
    city: orNull(a.city),
    province: orNull(a.province),
    provinceCode: orNull(a.province_code),
    zip: orNull(a.zip),
    countryCode: orNull(a.country_code),
    phone: orNull(a.phone),
  };
}

/** The status of a fulfillment order that waits for its request (assumed: docs/shopify-api.md §Fulfillment orders). */
const UNREQUESTED_STATUS: Record<Unrequested, FulfillmentOrderStatus> = {
  unsubmitted: 'OPEN',
  on_hold: 'ON_HOLD',
  scheduled: 'SCHEDULED',
};

function fulfillmentRequest(ids: IdSequence, message: string | null, sentAt: string) {
  return { id: ids.gid('FulfillmentOrderMerchantRequest'), kind: 'FULFILLMENT_REQUEST' as const, message, sentAt };
}

/**
 * A paid order whose one fulfillment order is assigned to our service's location with the fulfillment requested
 * (what Shopify does when the merchant's products are stocked there), optionally broken on purpose, or `unrequested`
 * for now (requestFulfillment requests it later).
 */
export function createOrder(
  shop: ShopState,
  ids: IdSequence,
  spec: OrderSpec,
  options: { malformed?: Malformation; unrequested?: Unrequested } = {},
): FulfillmentOrderRecord {
  const { malformed, unrequested } = options;
  const now = new Date().toISOString();
  const orderId = ids.gid('Order');
  const address = malformed === 'missing_address' ? null : addressRecord(spec.shipping_address);
  const email = spec.email ?? 'buyer@example.com';
  shop.orders.set(orderId, {
    id: orderId,
    name: spec.name ?? `#${1001 + shop.orders.size}`,
    email,
    createdAt: spec.created_at ?? now,
    note: spec.note ?? null,
    shippingAddress: address,
    shippingLine: spec.shipping_line
      ? { title: spec.shipping_line.title, code: spec.shipping_line.code ?? null }
      : { title: 'Standard', code: 'STANDARD' },
  });
  const lines = (spec.lines ?? [{ sku: 'SOCK-CHAR-M', quantity: 1 }]).map((line, index) => {
    const broken = index === 0 ? malformed : undefined;
    const quantity = broken === 'bad_quantity' ? 0 : line.quantity;
    return {
      id: ids.gid('FulfillmentOrderLineItem'),
      sku: broken === 'no_sku' ? null : line.sku,
      productTitle: line.title ?? line.sku,
      totalQuantity: quantity,
      remainingQuantity: quantity,
      variantId: ids.gid('ProductVariant'),
      inventoryItemId: inventoryItemFor(shop, ids, line.sku),
    };
  });
  const fo: FulfillmentOrderRecord = {
    id: ids.gid('FulfillmentOrder'),
    orderId,
    status: unrequested ? UNREQUESTED_STATUS[unrequested] : 'OPEN',
    requestStatus: unrequested ? 'UNSUBMITTED' : 'SUBMITTED',
    destination: address && { ...address, id: ids.gid('FulfillmentOrderDestination'), email },
    lineItems: lines,
    merchantRequests: unrequested ? [] : [fulfillmentRequest(ids, spec.note ?? null, now)],
    lastMessage: null,
    createdAt: now,
    updatedAt: now,
  };
  shop.fulfillmentOrders.set(fo.id, fo);
  return fo;
}

/**
 * The buyer cancels: an accepted fulfillment order gets a cancellation request for us to answer; one we have not
 * accepted yet is simply withdrawn (closed), as Shopify does.
 */
export function cancelOrder(shop: ShopState, ids: IdSequence, fo: FulfillmentOrderRecord, reason: string): void {
  const now = new Date().toISOString();
  if (fo.requestStatus === 'ACCEPTED' || fo.requestStatus === 'CANCELLATION_REJECTED') {
    fo.requestStatus = 'CANCELLATION_REQUESTED';
    fo.merchantRequests.push({
      id: ids.gid('FulfillmentOrderMerchantRequest'),
      kind: 'CANCELLATION_REQUEST',
      message: reason,
      sentAt: now,
    });
  } else {
    fo.status = 'CLOSED';
    fo.requestStatus = 'CLOSED';
  }
  fo.updatedAt = now;
}

/**
 * The merchant's fulfillment request arrives late: a hold is released, a scheduled order comes due, or the merchant
 * submits (or re-submits after a rejection) the request. The fulfillment order keeps its id and creation time, so it
 * sorts before orders requested meanwhile. Undefined when it cannot be requested (closed, or requested already).
 */
export function requestFulfillment(
  ids: IdSequence,
  fo: FulfillmentOrderRecord,
  message: string | null,
): FulfillmentOrderRecord | undefined {
  const open = fo.status !== 'CLOSED' && fo.status !== 'CANCELLED';
  if (!open || (fo.requestStatus !== 'UNSUBMITTED' && fo.requestStatus !== 'REJECTED')) return undefined;
  const now = new Date().toISOString();
  fo.status = 'OPEN';
  fo.requestStatus = 'SUBMITTED';
  fo.merchantRequests.push(fulfillmentRequest(ids, message, now));
  fo.updatedAt = now;
  return fo;
}
