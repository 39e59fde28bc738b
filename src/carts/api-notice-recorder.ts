import type { Logger } from 'pino';
import type { Cart } from '../db/carts';
import type { CartApiNoticeStore } from '../db/cart-api-notices';
import type { ShopifyApiNotice } from './shopify/api-notice';

/** A notice is warned about and written at most this often per cart and process: every request may carry it. */
const NOTICE_RECORD_INTERVAL_MS = 3_600_000;

export interface ApiNoticeRecorderDeps {
  store: CartApiNoticeStore;
  log: Pick<Logger, 'warn' | 'error'>;
  now?: () => number;
}

/**
 * What the worker does when a cart's answer names another API version or a deprecation: a warning in the log and a
 * row in cart_api_notices (a `cart_api_deprecated` exception), once per notice and cart an hour, never failing the
 * call that drew it. `settled()` waits for the writes under way (for tests).
 */
export function createApiNoticeRecorder(deps: ApiNoticeRecorderDeps) {
  const now = deps.now ?? Date.now;
  const lastRecorded = new Map<string, number>();
  const pending = new Set<Promise<void>>();

  function record(cart: Cart, notice: ShopifyApiNotice): void {
    const key = [cart.id, notice.requestedVersion, notice.servedVersion ?? '', notice.deprecatedReason ?? ''].join('|');
    const last = lastRecorded.get(key);
    if (last !== undefined && now() - last < NOTICE_RECORD_INTERVAL_MS) return;
    lastRecorded.set(key, now());
    deps.log.warn(
      { cartId: cart.id, merchantId: cart.merchantId, ...notice },
      notice.servedVersion
        ? `Cart ${cart.id} asked for API ${notice.requestedVersion} and was answered by ${notice.servedVersion}`
        : `Cart ${cart.id} used deprecated API fields: ${notice.deprecatedReason}`,
    );
    const write = deps.store.record(cart, notice).catch((error: unknown) => {
      // Forget it, so the next answer tries again.
      lastRecorded.delete(key);
      deps.log.error({ err: error, cartId: cart.id }, 'Could not record a cart API notice');
    });
    pending.add(write);
    void write.finally(() => pending.delete(write));
  }

  return { record, settled: () => Promise.all([...pending]).then(() => undefined) };
}
