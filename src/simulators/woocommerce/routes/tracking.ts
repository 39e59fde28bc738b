import type { FastifyInstance } from 'fastify';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { noRoute, WpError } from '../errors';
import { touch } from '../orders';
import { wpDate, type Site } from '../state';
import { parseParams } from '../validation';
import { siteOf } from './auth';

// A few of the extension's predefined providers; unknown names need the custom fields, as in the extension.
const PROVIDERS: Record<string, string> = {
  usps: 'https://tools.usps.com/go/TrackConfirmAction_input?qtc_tLabels1=%1$s',
  ups: 'http://wwwapps.ups.com/WebTracking/track?track=yes&trackNums=%1$s',
  fedex: 'http://www.fedex.com/Tracking?action=track&tracknumbers=%1$s',
  'dhl-us': 'https://www.logistics.dhl/us-en/home/tracking/tracking-ecommerce.html?tracking-id=%1$s',
};

const createSchema = z.object({
  tracking_number: z.string().min(1),
  tracking_provider: z.string().optional(),
  custom_tracking_provider: z.string().optional(),
  custom_tracking_link: z.string().optional(),
  date_shipped: z.string().optional(),
});

type WithOrder = { Params: { siteId: string; order_id: string } };

function orderIdIn(site: Site, id: string): number {
  // Without the extension WordPress has no such route at all.
  if (!site.shipmentTracking) throw noRoute();
  if (!site.orders.has(Number(id))) throw new WpError(404, 'woocommerce_rest_order_invalid_id', 'Invalid order ID.');
  return Number(id);
}

/** The Shipment Tracking extension's `orders/{order_id}/shipment-trackings`, present only where a site enables it. */
export function trackingRoutes(app: FastifyInstance): void {
  app.get<WithOrder>('/orders/:order_id/shipment-trackings', async (request) => {
    const site = siteOf(request);
    return structuredClone(site.trackings.get(orderIdIn(site, request.params.order_id)) ?? []);
  });

  app.post<WithOrder>('/orders/:order_id/shipment-trackings', async (request, reply) => {
    const site = siteOf(request);
    const orderId = orderIdIn(site, request.params.order_id);
    const body = parseParams(createSchema, request.body);
    const provider = (body.tracking_provider ?? '').toLowerCase().replace(/\s+/g, '-');
    const link = body.custom_tracking_link ?? PROVIDERS[provider] ?? '';
    const item = {
      tracking_id: randomBytes(16).toString('hex'),
      tracking_provider: body.custom_tracking_provider || body.tracking_provider || '',
      tracking_link: link.replace('%1$s', encodeURIComponent(body.tracking_number)),
      tracking_number: body.tracking_number,
      date_shipped: body.date_shipped ?? wpDate(new Date()).slice(0, 10),
    };
    site.trackings.set(orderId, [...(site.trackings.get(orderId) ?? []), item]);
    // The extension keeps its items in order meta and saves the order.
    touch(site.orders.get(orderId)!);
    return reply.code(201).send(structuredClone(item));
  });
}
