import type { TrackingPush } from '../adapter';
import { WooCommerceRefusal } from './errors';
import type { WooHttp } from './http';
import { addNoteOnce } from './notes';
import { wooTrackingsSchema } from './schemas';

function trackingPath(orderId: string): string {
  return `wc-shipment-tracking/v3/orders/${encodeURIComponent(orderId)}/shipment-trackings`;
}

/** The order's tracking items, or undefined when the store has no Shipment Tracking extension. */
async function trackingItems(http: WooHttp, orderId: string): Promise<{ tracking_number: string }[] | undefined> {
  try {
    return wooTrackingsSchema.parse((await http('GET', trackingPath(orderId))).body);
  } catch (error) {
    // Without the extension WordPress has no such route; any other refusal (unknown order) is real.
    if (error instanceof WooCommerceRefusal && error.code === 'rest_no_route') return undefined;
    throw error;
  }
}

/**
 * Records one package: a Shipment Tracking item when the extension is installed, else a customer note with the
 * tracking; then, if the package completes the order, the `completed` status (whose e-mail carries the tracking).
 * Each step looks before it writes, so pushing the same shipment twice changes nothing.
 */
export async function pushTracking(http: WooHttp, push: TrackingPush): Promise<void> {
  const items = await trackingItems(http, push.cartOrderId);
  if (items && !items.some((item) => item.tracking_number === push.trackingCode)) {
    await http('POST', trackingPath(push.cartOrderId), {
      // A link makes the carrier a custom provider; without one the extension resolves known carrier names.
      body: push.trackingUrl
        ? {
            custom_tracking_provider: push.carrier,
            custom_tracking_link: push.trackingUrl,
            tracking_number: push.trackingCode,
          }
        : { tracking_provider: push.carrier, tracking_number: push.trackingCode },
    });
  }
  if (!items) {
    const link = push.trackingUrl ? ` ${push.trackingUrl}` : '';
    await addNoteOnce(http, push.cartOrderId, {
      text: `Your order has shipped with ${push.carrier}, tracking number ${push.trackingCode}.${link}`,
      marker: push.trackingCode,
      customer: true,
    });
  }
  if (push.orderComplete) {
    await http('PUT', `wc/v3/orders/${encodeURIComponent(push.cartOrderId)}`, { body: { status: 'completed' } });
  }
}
