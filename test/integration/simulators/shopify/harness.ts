import {
  NEWEST_API_VERSION,
  startShopifySimulator,
  type RunningShopifySimulator,
  type ShopCredentials,
  type ShopInput,
} from '../../../../src/simulators/shopify';
import { SimulatorHarness, type HttpAnswer } from '../../../helpers/simulator-http';

export type { Loose } from '../../../helpers/simulator-http';
export type Answer = HttpAnswer;

/** A running Shopify simulator with one shop and plain-fetch helpers for its Admin API and control API. */
export class ShopifyHarness extends SimulatorHarness<RunningShopifySimulator> {
  shop!: ShopCredentials;

  static async start(): Promise<ShopifyHarness> {
    const harness = new ShopifyHarness(await startShopifySimulator());
    harness.reset();
    return harness;
  }

  /** Forgets everything and creates one shop (a big, fast bucket unless `bucket` says otherwise). */
  reset(bucket: ShopInput['bucket'] = { maximum_available: 1000, restore_rate: 1000 }): void {
    this.control.reset();
    this.shop = this.control.createShop({ name: 'Test shop', bucket });
  }

  /** POSTs a GraphQL document to the shop's Admin API (the newest version unless `version` says otherwise). */
  async graphql(
    query: string,
    variables: Record<string, unknown> = {},
    options: { token?: string; version?: string } = {},
  ): Promise<Answer> {
    const url = `${this.shop.shop_url}/admin/api/${options.version ?? NEWEST_API_VERSION}/graphql.json`;
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-shopify-access-token': options.token ?? this.shop.access_token,
      },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, headers: response.headers, body: await response.json() };
  }

  order(lines: [sku: string, quantity: number][] = [['SOCK-CHAR-M', 1]]) {
    return this.control.createOrder({
      shop: this.shop.shop_id,
      order: { lines: lines.map(([sku, quantity]) => ({ sku, quantity })) },
    });
  }
}

export const LIST = `query List($status: FulfillmentOrderAssignmentStatus, $first: Int!, $after: String) {
  assignedFulfillmentOrders(assignmentStatus: $status, first: $first, after: $after) {
    nodes { id status requestStatus order { name } lineItems(first: 10) { nodes { id sku remainingQuantity } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

export const ACCEPT = `mutation Accept($id: ID!) {
  fulfillmentOrderAcceptFulfillmentRequest(id: $id, message: "ok") { fulfillmentOrder { status requestStatus } userErrors { field message } }
}`;
