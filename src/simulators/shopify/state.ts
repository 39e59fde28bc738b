import type { IdSequence } from './ids';
import { ThrottleBucket } from './throttle-bucket';

export type FulfillmentOrderStatus =
  'OPEN' | 'IN_PROGRESS' | 'CANCELLED' | 'INCOMPLETE' | 'CLOSED' | 'SCHEDULED' | 'ON_HOLD';
export type RequestStatus =
  | 'UNSUBMITTED'
  | 'SUBMITTED'
  | 'ACCEPTED'
  | 'REJECTED'
  | 'CANCELLATION_REQUESTED'
  | 'CANCELLATION_ACCEPTED'
  | 'CANCELLATION_REJECTED'
  | 'CLOSED';
export type AssignmentStatus =
  'FULFILLMENT_REQUESTED' | 'FULFILLMENT_ACCEPTED' | 'CANCELLATION_REQUESTED' | 'FULFILLMENT_UNSUBMITTED';

/** A postal address with Shopify's field names; any field may be missing on a malformed order. */
export interface AddressRecord {
  firstName?: string | null;
  lastName?: string | null;
  company?: string | null;
  address1?: string | null;
  address2?: string | null;
  city?: string | null;
  province?: string | null;
  provinceCode?: string | null;
  zip?: string | null;
  countryCode?: string | null;
  phone?: string | null;
}

export interface OrderRecord {
  id: string;
  name: string;
  email: string | null;
  createdAt: string;
  note: string | null;
  shippingAddress: AddressRecord | null;
  shippingLine: { title: string; code: string | null } | null;
}

export interface FulfillmentOrderLineRecord {
  id: string;
  sku: string | null;
  productTitle: string;
  totalQuantity: number;
  remainingQuantity: number;
  variantId: string;
  inventoryItemId: string | null;
}

export interface MerchantRequestRecord {
  id: string;
  kind: 'FULFILLMENT_REQUEST' | 'CANCELLATION_REQUEST';
  message: string | null;
  sentAt: string;
}

export interface FulfillmentOrderRecord {
  id: string;
  orderId: string;
  status: FulfillmentOrderStatus;
  requestStatus: RequestStatus;
  destination: (AddressRecord & { id: string; email?: string | null }) | null;
  lineItems: FulfillmentOrderLineRecord[];
  merchantRequests: MerchantRequestRecord[];
  /** The last message we sent with an accept/reject, for the control API. */
  lastMessage: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface FulfillmentRecord {
  id: string;
  fulfillmentOrderId: string;
  tracking: { company: string | null; number: string | null; url: string | null };
  lines: { lineItemId: string; quantity: number }[];
  notifyCustomer: boolean;
  createdAt: string;
}

/**
 * A fulfillment service of our app. The shop's install made one at `ShopState.locationId`, where every fulfillment
 * order is assigned; with a `callbackUrl`, Shopify posts each fulfillment and cancellation request to it.
 */
export interface FulfillmentServiceRecord {
  id: string;
  serviceName: string;
  locationId: string;
  callbackUrl: string | null;
  trackingSupport: boolean;
  inventoryManagement: boolean;
}

/**
 * A fulfillment request the `late_request` fault holds back: submitted once the shop's listings of requested
 * fulfillment orders reach `afterListing`, or once `dueAt` (epoch ms) has passed, whichever comes first.
 */
export interface HeldRequest {
  afterListing: number | undefined;
  dueAt: number | undefined;
}

/** One shop: what the merchant created, what our app changed, and its throttle bucket. */
export interface ShopState {
  id: string;
  name: string;
  accessToken: string;
  /** The app's client secret: Shopify signs the fulfillment service's callbacks with it. */
  clientSecret: string;
  locationId: string;
  /** Our app's fulfillment services, by id; the first is the install's, at `locationId`. */
  fulfillmentServices: Map<string, FulfillmentServiceRecord>;
  orders: Map<string, OrderRecord>;
  /** In creation order, which is also id order: paging relies on it. */
  fulfillmentOrders: Map<string, FulfillmentOrderRecord>;
  fulfillments: FulfillmentRecord[];
  /** SKU → inventory item id. */
  inventoryItems: Map<string, string>;
  /** Inventory item id → `available` at our location. */
  available: Map<string, number>;
  bucket: ThrottleBucket;
  /** Fulfillment orders the `late_request` fault keeps unrequested for now, by id (see late-requests.ts). */
  heldRequests: Map<string, HeldRequest>;
  /** How many times `assignedFulfillmentOrders` listed requested fulfillment orders. */
  requestedListings: number;
  /** GraphQL operations the shop ran, by name: lets tests see which writes a pull made. */
  operations: Map<string, number>;
  /** `@idempotent` keys seen → the arguments they came with and the answer they got (a repeat gets it again). */
  idempotentAnswers: Map<string, { args: string; answer: unknown }>;
}

export function newShop(
  ids: IdSequence,
  init: {
    id: string;
    name: string;
    accessToken: string;
    clientSecret: string;
    bucket: { maximumAvailable: number; restoreRate: number };
  },
): ShopState {
  const locationId = ids.gid('Location');
  const service = newFulfillmentService(ids, `${init.name} Fulfillment`, locationId);
  return {
    id: init.id,
    name: init.name,
    accessToken: init.accessToken,
    clientSecret: init.clientSecret,
    locationId,
    fulfillmentServices: new Map([[service.id, service]]),
    orders: new Map(),
    fulfillmentOrders: new Map(),
    fulfillments: [],
    inventoryItems: new Map(),
    available: new Map(),
    bucket: new ThrottleBucket(init.bucket.maximumAvailable, init.bucket.restoreRate),
    heldRequests: new Map(),
    requestedListings: 0,
    operations: new Map(),
    idempotentAnswers: new Map(),
  };
}

/** A fulfillment service with no callback URL and neither callback feature, as Shopify creates one without them. */
export function newFulfillmentService(
  ids: IdSequence,
  serviceName: string,
  locationId: string,
): FulfillmentServiceRecord {
  return {
    id: ids.gid('FulfillmentService'),
    serviceName,
    locationId,
    callbackUrl: null,
    trackingSupport: false,
    inventoryManagement: false,
  };
}

/** The inventory item of a SKU, created on first use (the merchant's catalogue is implied by its orders). */
export function inventoryItemFor(shop: ShopState, ids: IdSequence, sku: string): string {
  const existing = shop.inventoryItems.get(sku);
  if (existing) return existing;
  const id = ids.gid('InventoryItem');
  shop.inventoryItems.set(sku, id);
  return id;
}

/** How `assignedFulfillmentOrders(assignmentStatus:)` classifies a fulfillment order; undefined: none of them. */
export function assignmentStatusOf(fo: FulfillmentOrderRecord): AssignmentStatus | undefined {
  if (fo.status === 'CLOSED' || fo.status === 'CANCELLED') return undefined;
  switch (fo.requestStatus) {
    case 'SUBMITTED':
      return 'FULFILLMENT_REQUESTED';
    case 'ACCEPTED':
    case 'CANCELLATION_REJECTED':
      return 'FULFILLMENT_ACCEPTED';
    case 'CANCELLATION_REQUESTED':
      return 'CANCELLATION_REQUESTED';
    case 'UNSUBMITTED':
      return 'FULFILLMENT_UNSUBMITTED';
    case 'CANCELLATION_ACCEPTED':
    case 'CLOSED':
    case 'REJECTED':
      return undefined;
  }
}
