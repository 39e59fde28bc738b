import type { CartAdapter } from '../adapter';
import { bigCommerceCredentialsSchema } from './credentials';
import { createBigCommerceHttp, type Fetch } from './http';
import { pushInventory } from './inventory';
import { addStaffNoteOnce } from './notes';
import { listOrders } from './pull';
import { pushTracking } from './tracking';

export interface BigCommerceAdapterOptions {
  merchantId: string;
  cartId: string;
  /** `{storeHash, accessToken, apiUrl?, locationId?, orderStatusIds?}`, validated here (see credentials.ts). */
  credentials: unknown;
  fetch?: Fetch;
  /** Orders per listing call, at most 250; default 50, because each order to fulfil costs two more calls. */
  pageSize?: number;
  /** Where a cart without a cursor starts pulling; default: every order the store has. */
  startAt?: string;
  /** Per-request timeout; a timeout is a transient failure. Default 30 s. */
  timeoutMs?: number;
}

const ACCEPTED = 'Sent to EasyPost Fulfillment by epf.';

/** The BigCommerce order source: V2 orders and shipments, V3 catalog and Inventory API, with an API account token. */
export function createBigCommerceAdapter(options: BigCommerceAdapterOptions): CartAdapter {
  const credentials = bigCommerceCredentialsSchema.parse(options.credentials);
  const http = createBigCommerceHttp(credentials, options.fetch, options.timeoutMs);
  const pull = {
    merchantId: options.merchantId,
    cartId: options.cartId,
    pageSize: Math.min(options.pageSize ?? 50, 250),
    startAt: options.startAt ?? '1970-01-01T00:00:00Z',
    statusIds: credentials.orderStatusIds,
  };
  return {
    listOrders: (cursor) => listOrders(http, pull, cursor),

    // BigCommerce has no "accept" step; a staff note tells the merchant's staff the order left their hands.
    acceptOrder: (cartOrderId) => addStaffNoteOnce(http, cartOrderId, ACCEPTED),

    answerCancellation: (cartOrderId, { accepted, reason }) =>
      addStaffNoteOnce(
        http,
        cartOrderId,
        accepted
          ? `epf: the cancellation reached EasyPost Fulfillment in time; nothing will ship. ${reason}`
          : `epf: EasyPost Fulfillment could not cancel this order; it may still ship. ${reason}`,
      ),

    pushTracking: (push) => pushTracking(http, push),
    pushInventory: (levels) => pushInventory(http, credentials.locationId, levels),
  };
}
