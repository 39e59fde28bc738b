import type { CartAdapter } from '../adapter';
import { wooCommerceCredentialsSchema } from './credentials';
import { createWooHttp, type Fetch } from './http';
import { pushInventory } from './inventory';
import { addNoteOnce } from './notes';
import { listOrders } from './pull';
import { pushTracking } from './tracking';
import { ensureWebhooks } from './webhooks';

export interface WooCommerceAdapterOptions {
  merchantId: string;
  cartId: string;
  /** `{siteUrl, consumerKey, consumerSecret}`, validated here (see credentials.ts). */
  credentials: unknown;
  fetch?: Fetch;
  /** Orders per listing call, at most 100 (default). */
  pageSize?: number;
  /** Where a cart without a cursor starts pulling; default: every order the store has. */
  startAt?: string;
  /** Per-request timeout; a timeout is a transient failure. Default 30 s. */
  timeoutMs?: number;
}

const ACCEPTED = 'Sent to EasyPost Fulfillment by epf.';

/** The WooCommerce order source: REST API wc/v3 with a consumer key, plus Shipment Tracking when installed. */
export function createWooCommerceAdapter(options: WooCommerceAdapterOptions): CartAdapter {
  const credentials = wooCommerceCredentialsSchema.parse(options.credentials);
  const http = createWooHttp(credentials, options.fetch, options.timeoutMs);
  const pull = {
    merchantId: options.merchantId,
    cartId: options.cartId,
    pageSize: Math.min(options.pageSize ?? 100, 100),
    startAt: options.startAt ?? '1970-01-01T00:00:00Z',
  };
  return {
    listOrders: (cursor) => listOrders(http, pull, cursor),

    // WooCommerce has no "accept" step; a private note tells the merchant's staff the order left their hands.
    acceptOrder: (cartOrderId) => addNoteOnce(http, cartOrderId, { text: ACCEPTED, marker: ACCEPTED, customer: false }),

    answerCancellation: (cartOrderId, { accepted, reason }) => {
      const text = accepted
        ? `epf: the cancellation reached EasyPost Fulfillment in time; nothing will ship. ${reason}`
        : `epf: EasyPost Fulfillment could not cancel this order; it may still ship. ${reason}`;
      return addNoteOnce(http, cartOrderId, { text, marker: text, customer: false });
    },

    pushTracking: (push) => pushTracking(http, push),
    pushInventory: (levels) => pushInventory(http, levels),
    ensureWebhooks: (target) => ensureWebhooks(http, target),
  };
}
