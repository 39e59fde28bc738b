import { z } from 'zod';
import { fulfillmentOrderState, type FulfillmentOrderState } from './fulfillment-order-state';
import type { GraphqlClient, Operation } from './graphql-client';
import { ACCEPT_CANCELLATION_REQUEST, ACCEPT_FULFILLMENT_REQUEST, REJECT_CANCELLATION_REQUEST } from './queries';
import { refusal, userErrorsSchema } from './user-errors';

const payloadSchema = z.object({ userErrors: userErrorsSchema });

/**
 * Sends one accept/reject answer. Shopify refuses a second identical answer, so on a refusal we look: if the
 * fulfillment order already is where the answer puts it (our earlier attempt landed), that is success.
 */
async function answer(
  client: GraphqlClient,
  operation: Operation,
  mutation: string,
  variables: { id: string; message: string },
  done: (state: FulfillmentOrderState) => boolean,
): Promise<void> {
  const data = await client.request(operation, variables, z.object({ [mutation]: payloadSchema.nullable() }));
  const userErrors = data[mutation]?.userErrors ?? [];
  if (userErrors.length === 0) return;
  const state = await fulfillmentOrderState(client, variables.id);
  if (state && done(state)) return;
  throw refusal(operation.name, userErrors);
}

const inStatus =
  (...statuses: string[]) =>
  (state: FulfillmentOrderState) =>
    statuses.includes(state.requestStatus);

/** Accepts the fulfillment request: the order is ours to ship. */
export function acceptFulfillmentRequest(client: GraphqlClient, id: string): Promise<void> {
  return answer(
    client,
    ACCEPT_FULFILLMENT_REQUEST,
    'fulfillmentOrderAcceptFulfillmentRequest',
    { id, message: 'Accepted by EasyPost Fulfillment' },
    // Accepted, or already moved on from accepted: cancellation asked, or shipped (closed with our fulfillments).
    // Closed with none, the merchant withdrew the request before we accepted (the order was cancelled): a refusal.
    (state) =>
      inStatus('ACCEPTED', 'CANCELLATION_REQUESTED', 'CANCELLATION_REJECTED', 'CANCELLATION_ACCEPTED')(state) ||
      (state.requestStatus === 'CLOSED' && state.fulfillments.nodes.length > 0),
  );
}

/** Accepts or rejects the merchant's cancellation request, with our reason. */
export function answerCancellationRequest(
  client: GraphqlClient,
  id: string,
  outcome: { accepted: boolean; reason: string },
): Promise<void> {
  return outcome.accepted
    ? answer(
        client,
        ACCEPT_CANCELLATION_REQUEST,
        'fulfillmentOrderAcceptCancellationRequest',
        { id, message: outcome.reason },
        inStatus('CANCELLATION_ACCEPTED'),
      )
    : answer(
        client,
        REJECT_CANCELLATION_REQUEST,
        'fulfillmentOrderRejectCancellationRequest',
        { id, message: outcome.reason },
        inStatus('CANCELLATION_REJECTED'),
      );
}
