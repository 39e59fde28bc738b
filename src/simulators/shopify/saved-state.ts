import type { SimContext } from './context';
import { DEMO_CLIENT_SECRET } from './demo';
import { IdSequence } from './ids';
import { newFulfillmentService, type ShopState } from './state';
import { ThrottleBucket } from './throttle-bucket';

/** The shops and the ID counter, as a state file keeps them; the throttle bucket by its settings only. */
export interface ShopifySnapshot {
  nextId: number;
  shops: Map<string, Omit<ShopState, 'bucket'> & { bucket: { maximumAvailable: number; restoreRate: number } }>;
}

export function snapshotShops(context: SimContext): ShopifySnapshot {
  const shops = [...context.shops].map(([id, { bucket, ...shop }]) => {
    const { maximumAvailable, restoreRate } = bucket;
    return [id, { ...shop, bucket: { maximumAvailable, restoreRate } }] as const;
  });
  return { nextId: context.ids.peek(), shops: new Map(shops) };
}

/**
 * Replaces every shop with the saved ones; faults are not kept, and each bucket starts full, as after a pause. A
 * file from before fulfillment services were kept gets the install's service back, without a callback URL, and the
 * demo app's client secret.
 */
export function restoreShops(context: SimContext, saved: ShopifySnapshot): void {
  context.reset();
  context.ids = new IdSequence(saved.nextId);
  for (const [id, { bucket, ...shop }] of saved.shops) {
    const older = shop as Partial<Pick<ShopState, 'clientSecret' | 'fulfillmentServices'>>;
    const service = older.fulfillmentServices
      ? undefined
      : newFulfillmentService(context.ids, `${shop.name} Fulfillment`, shop.locationId);
    context.shops.set(id, {
      ...shop,
      clientSecret: older.clientSecret ?? DEMO_CLIENT_SECRET,
      fulfillmentServices: older.fulfillmentServices ?? new Map([[service!.id, service!]]),
      bucket: new ThrottleBucket(bucket.maximumAvailable, bucket.restoreRate),
    });
  }
}
