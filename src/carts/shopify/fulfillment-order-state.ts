import { z } from 'zod';
import type { GraphqlClient } from './graphql-client';
import { FULFILLMENT_ORDER_STATE } from './queries';

const stateSchema = z.object({
  fulfillmentOrder: z
    .object({
      id: z.string(),
      status: z.string(),
      requestStatus: z.string(),
      fulfillments: z.object({
        nodes: z.array(z.object({ trackingInfo: z.array(z.object({ number: z.string().nullish() })) })),
      }),
    })
    .nullable(),
});

export type FulfillmentOrderState = NonNullable<z.infer<typeof stateSchema>['fulfillmentOrder']>;

/**
 * Where a fulfillment order stands and the tracking numbers already on it. Mutations read it to tell "already done"
 * (a retry after a lost answer) from a real refusal. Undefined: no such fulfillment order.
 */
export async function fulfillmentOrderState(
  client: GraphqlClient,
  id: string,
): Promise<FulfillmentOrderState | undefined> {
  const data = await client.request(FULFILLMENT_ORDER_STATE, { id }, stateSchema);
  return data.fulfillmentOrder ?? undefined;
}

/** The tracking numbers of the fulfillments already created on it. */
export function trackingNumbers(state: FulfillmentOrderState): Set<string> {
  return new Set(
    state.fulfillments.nodes.flatMap((fulfillment) => fulfillment.trackingInfo.map((info) => info.number ?? '')),
  );
}
