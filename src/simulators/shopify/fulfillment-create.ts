import type { IdSequence } from './ids';
import type { FulfillmentOrderRecord, ShopState } from './state';
import { userError, type UserError } from './user-errors';
import { fulfillmentView } from './views';

interface FulfillmentInput {
  lineItemsByFulfillmentOrder: {
    fulfillmentOrderId: string;
    fulfillmentOrderLineItems?: { id: string; quantity: number }[] | null;
  }[];
  notifyCustomer?: boolean | null;
  trackingInfo?: { company?: string | null; number?: string | null; url?: string | null } | null;
}

type Planned = { fo: FulfillmentOrderRecord; lines: { lineItemId: string; quantity: number }[] };

/** Checks every requested line before changing anything: a fulfillment is created whole or not at all. */
function plan(shop: ShopState, input: FulfillmentInput): { planned: Planned[]; errors: UserError[] } {
  const errors: UserError[] = [];
  const planned: Planned[] = [];
  if (input.lineItemsByFulfillmentOrder.length === 0) {
    errors.push(userError(['fulfillment', 'lineItemsByFulfillmentOrder'], 'Line items by fulfillment order is empty.'));
  }
  input.lineItemsByFulfillmentOrder.forEach((group, index) => {
    const field = ['fulfillment', 'lineItemsByFulfillmentOrder', String(index)];
    const fo = shop.fulfillmentOrders.get(group.fulfillmentOrderId);
    if (!fo) return errors.push(userError([...field, 'fulfillmentOrderId'], 'Fulfillment order does not exist.'));
    // A fulfillment service ships only what it accepted (and whose cancellation it did not accept).
    if (fo.status !== 'IN_PROGRESS') {
      return errors.push(
        userError(
          [...field, 'fulfillmentOrderId'],
          `Fulfillment order ${fo.id} has an unfulfillable status= ${fo.status.toLowerCase()}.`,
        ),
      );
    }
    const requested = group.fulfillmentOrderLineItems ?? [];
    const lines = (
      requested.length > 0
        ? requested
        : fo.lineItems
            .filter((line) => line.remainingQuantity > 0)
            .map((l) => ({ id: l.id, quantity: l.remainingQuantity }))
    ).map(({ id, quantity }) => ({ lineItemId: id, quantity }));
    for (const line of lines) {
      const item = fo.lineItems.find((candidate) => candidate.id === line.lineItemId);
      if (!item || line.quantity <= 0 || line.quantity > item.remainingQuantity) {
        errors.push(userError(field, 'Invalid fulfillment order line item quantity requested.'));
        return;
      }
    }
    planned.push({ fo, lines });
  });
  return { planned, errors };
}

/** `fulfillmentCreate`: records the shipment, lowers remaining quantities and closes fulfilled fulfillment orders. */
export function fulfillmentCreateMutation(shop: ShopState, ids: IdSequence) {
  return {
    fulfillmentCreate(args: { fulfillment: FulfillmentInput }) {
      const { planned, errors } = plan(shop, args.fulfillment);
      if (errors.length > 0) return { fulfillment: null, userErrors: errors };
      const now = new Date().toISOString();
      const tracking = args.fulfillment.trackingInfo ?? {};
      let created;
      for (const { fo, lines } of planned) {
        for (const line of lines) {
          fo.lineItems.find((item) => item.id === line.lineItemId)!.remainingQuantity -= line.quantity;
        }
        if (fo.lineItems.every((item) => item.remainingQuantity === 0)) {
          fo.status = 'CLOSED';
          fo.requestStatus = 'CLOSED';
        }
        fo.updatedAt = now;
        const record = {
          id: ids.gid('Fulfillment'),
          fulfillmentOrderId: fo.id,
          tracking: { company: tracking.company ?? null, number: tracking.number ?? null, url: tracking.url ?? null },
          lines,
          notifyCustomer: args.fulfillment.notifyCustomer ?? false,
          createdAt: now,
        };
        shop.fulfillments.push(record);
        created ??= record;
      }
      return { fulfillment: created ? fulfillmentView(created) : null, userErrors: [] };
    },
  };
}
