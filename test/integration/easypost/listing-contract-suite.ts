import {
  createOrderIdempotently,
  EasyPostError,
  lookUpMarker,
  orderMarker,
  probeListing,
  type CreateOrderRequest,
  type EasyPostClient,
  type ListingProbe,
  type LookupStrategy,
} from '../../../src/easypost';
import { orderWorkflowId } from '../../../workflows/definitions';

/** A product the real test account holds at least a few units of, for the write tests. */
export async function findStockedBarcode(client: EasyPostClient): Promise<string | undefined> {
  const products = await client.listProducts({ page: 0, perPage: 100 });
  const rows = await client.getInventories(products.map((product) => product.id));
  const stocked = rows.find((row) => row.quantity >= 5);
  return products.find((product) => product.id === stocked?.product_id)?.barcode;
}

/** The strategy a marker lookup must choose for a server that lists as `probe` says. */
export function expectedStrategy(probe: ListingProbe): LookupStrategy[] {
  if (probe.query === 'honoured') return ['query'];
  if (probe.sort === 'newest_first') return ['scan_newest_first'];
  if (probe.sort === 'oldest_first') return ['scan_oldest_first'];
  return ['scan_all', 'scan_newest_first', 'scan_oldest_first'];
}

export interface ListingTarget {
  client: EasyPostClient;
  /** A barcode with stock, when the target allows creating orders. */
  stockedBarcode?: string;
  /** Most pages the marked lookup may read: small on a fresh simulator, the budget on a real account. */
  maxPages: number;
  close?: () => Promise<void>;
}

/**
 * The listing assumptions of docs/easypost-api.md §2 (newest first, `query` filters on the description), proved
 * against a target or answered by the lookup's change of strategy: with writes, orders created before and after a
 * marked one, and the lookup must find the marked one whatever the listing does, reading few pages.
 */
export function describeListingContract(
  name: string,
  { writes }: { writes: boolean },
  start: () => Promise<ListingTarget>,
): void {
  const itWrites = writes ? it : it.skip;
  describe(`EasyPost listing contract: ${name}`, () => {
    let target: ListingTarget;
    const runId = Date.now().toString(36);
    const order = (barcode: string, description: string): CreateOrderRequest => ({
      service: 'standard',
      description,
      destination: {
        name: 'Contract Test',
        street1: '417 Montgomery St',
        city: 'San Francisco',
        state: 'CA',
        zip: '94104',
        country: 'US',
      },
      line_items: [{ product: { barcode }, units: 1 }],
    });

    beforeAll(async () => {
      target = await start();
    });
    afterAll(async () => {
      await target?.close?.();
    });

    it('answers a marker no order carries with "none" or lookup_inconclusive, never a wrong order', async () => {
      const marker = orderMarker(orderWorkflowId(`listing-${runId}`, 'absent'));
      const since = new Date(Date.now() - 60 * 60 * 1000);
      const outcome = await lookUpMarker(target.client, marker, { createdAfter: since }).catch((err: unknown) => err);
      if (outcome instanceof EasyPostError) expect(outcome.kind).toBe('lookup_inconclusive');
      else expect(outcome).toMatchObject({ order: undefined });
    });

    itWrites('finds a marked order among older and newer ones with the strategy the listing calls for', async () => {
      const barcode = target.stockedBarcode;
      if (!barcode) throw new Error('writes need a stocked barcode');
      const created: string[] = [];
      const create = async (description: string) => {
        const { order: made } = await createOrderIdempotently(target.client, order(barcode, description), {
          marker: orderMarker(orderWorkflowId(`listing-${runId}`, description)),
          checkExistingFirst: false,
        });
        created.push(made.id);
        return made;
      };
      for (let i = 0; i < 6; i += 1) await create(`older-${i}`);
      // Whole-second timestamps: the window starts a second after the older orders.
      await new Promise((resolve) => setTimeout(resolve, 1100));
      const createdAfter = new Date();
      const ours = await create('ours');
      for (let i = 0; i < 3; i += 1) await create(`newer-${i}`);

      const probe = await probeListing(target.client.listOrders);
      console.log(`EasyPost listing (${name}): sorted ${probe.sort}, query ${probe.query}`);
      const marker = orderMarker(orderWorkflowId(`listing-${runId}`, 'ours'));
      const found = await lookUpMarker(target.client, marker, { createdAfter, perPage: 2 });
      expect(found.order?.id).toBe(ours.id);
      expect(expectedStrategy(probe)).toContain(found.strategy);
      expect(found.pagesRead).toBeLessThanOrEqual(target.maxPages);

      for (const id of created) await target.client.cancelOrder(id);
    });
  });
}
