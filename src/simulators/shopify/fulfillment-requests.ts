import type { FulfillmentOrderRecord, RequestStatus, ShopState } from './state';
import { userError, type UserError } from './user-errors';
import { fulfillmentOrderView } from './views';

type Transition = {
  /** The request statuses the mutation applies to. */
  from: readonly RequestStatus[];
  apply(fo: FulfillmentOrderRecord): void;
  refusal: string;
};

// What each answer does to a fulfillment order (docs/shopify-api.md §Fulfillment orders).
const TRANSITIONS = {
  acceptFulfillment: {
    from: ['SUBMITTED'],
    apply(fo) {
      fo.requestStatus = 'ACCEPTED';
      fo.status = 'IN_PROGRESS';
    },
    refusal: 'Cannot accept fulfillment request for the fulfillment order.',
  },
  rejectFulfillment: {
    from: ['SUBMITTED'],
    apply(fo) {
      fo.requestStatus = 'REJECTED';
    },
    refusal: 'Cannot reject fulfillment request for the fulfillment order.',
  },
  acceptCancellation: {
    from: ['CANCELLATION_REQUESTED'],
    apply(fo) {
      fo.requestStatus = 'CANCELLATION_ACCEPTED';
      fo.status = 'CLOSED';
    },
    refusal: 'Cannot accept cancellation request for the fulfillment order.',
  },
  rejectCancellation: {
    from: ['CANCELLATION_REQUESTED'],
    apply(fo) {
      fo.requestStatus = 'CANCELLATION_REJECTED';
    },
    refusal: 'Cannot reject cancellation request for the fulfillment order.',
  },
} satisfies Record<string, Transition>;

function answer(shop: ShopState, transition: Transition, args: { id: string; message?: string | null }) {
  const fo = shop.fulfillmentOrders.get(args.id);
  let userErrors: UserError[] = [];
  if (!fo) userErrors = [userError(['id'], 'Fulfillment order does not exist.')];
  else if (!transition.from.includes(fo.requestStatus)) userErrors = [userError(['id'], transition.refusal)];
  else {
    transition.apply(fo);
    fo.lastMessage = args.message ?? null;
    fo.updatedAt = new Date().toISOString();
  }
  return { fulfillmentOrder: fo ? fulfillmentOrderView(shop, fo) : null, userErrors };
}

/** The four answers a fulfillment service gives to the merchant's requests. */
export function fulfillmentRequestMutations(shop: ShopState) {
  return {
    fulfillmentOrderAcceptFulfillmentRequest: (args: { id: string; message?: string | null }) =>
      answer(shop, TRANSITIONS.acceptFulfillment, args),
    fulfillmentOrderRejectFulfillmentRequest: (args: { id: string; message?: string | null }) =>
      answer(shop, TRANSITIONS.rejectFulfillment, args),
    fulfillmentOrderAcceptCancellationRequest: (args: { id: string; message?: string | null }) =>
      answer(shop, TRANSITIONS.acceptCancellation, args),
    fulfillmentOrderRejectCancellationRequest: (args: { id: string; message?: string | null }) =>
      answer(shop, TRANSITIONS.rejectCancellation, args),
  };
}
