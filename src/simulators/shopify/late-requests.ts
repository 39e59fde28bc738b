import { FaultRules, type FaultRuleInput } from '../shared/fault-rules';
import type { Random } from '../shared/random';
import type { LateRequestInput } from './control-schemas';
import type { IdSequence } from './ids';
import { requestFulfillment } from './orders';
import type { FulfillmentOrderRecord, ShopState } from './state';

interface LateRequestRule extends FaultRuleInput {
  afterListings: number | undefined;
  afterMs: number | undefined;
}

/**
 * The `late_request` fault: a share of new orders start with their fulfillment request held back, and are requested
 * once later listings of requested fulfillment orders have gone by without them, or some seconds later. That is how
 * a released hold or a scheduled order reaches a fulfillment service: with its old id and creation time, sorting
 * before every order listed meanwhile. `fired` counts the requests that came late.
 */
export class LateRequests {
  private readonly rules: FaultRules<LateRequestRule>;
  fired = 0;

  constructor(
    random: Random,
    newId: () => string,
    /** Told of each fulfillment order it requests. */
    private readonly requested: (shop: ShopState, fo: FulfillmentOrderRecord) => void,
  ) {
    this.rules = new FaultRules(random, newId);
  }

  add(input: LateRequestInput): { id: string } {
    return this.rules.add({
      route: '*',
      rate: input.rate,
      times: input.times,
      seed: input.seed,
      afterListings: input.after_listings,
      afterMs: input.after_s === undefined ? undefined : input.after_s * 1000,
    });
  }

  remove(id: string): void {
    this.rules.remove(id);
  }

  clear(): void {
    this.rules.clear();
  }

  /** Draws for a new order: the rule that fires, if any, to `hold` the order's fulfillment order with. */
  draw(): LateRequestRule | undefined {
    return this.rules.draw('*');
  }

  hold(shop: ShopState, fo: FulfillmentOrderRecord, rule: LateRequestRule): void {
    shop.heldRequests.set(fo.id, {
      afterListing: rule.afterListings === undefined ? undefined : shop.requestedListings + rule.afterListings,
      dueAt: rule.afterMs === undefined ? undefined : Date.now() + rule.afterMs,
    });
  }

  /**
   * Requests the held fulfillment orders whose listings have gone by or whose time has come. The Admin API route
   * calls it around every request, so a listing never contains what it releases; control reads call it too.
   */
  releaseDue(shop: ShopState, ids: IdSequence): void {
    const now = Date.now();
    for (const [id, held] of shop.heldRequests) {
      const listed = held.afterListing !== undefined && shop.requestedListings >= held.afterListing;
      const due = held.dueAt !== undefined && now >= held.dueAt;
      if (!listed && !due) continue;
      shop.heldRequests.delete(id);
      // One the buyer cancelled meanwhile stays closed: nothing came late.
      const fo = shop.fulfillmentOrders.get(id);
      if (fo && requestFulfillment(ids, fo, null)) {
        this.fired += 1;
        this.requested(shop, fo);
      }
    }
  }
}
