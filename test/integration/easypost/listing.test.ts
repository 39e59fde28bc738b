import {
  createEasyPostClient,
  EASYPOST_BASE_URL,
  findOrderByMarker,
  LOOKUP_PAGE_BUDGET,
  orderMarker,
} from '../../../src/easypost';
import { describeListingContract, findStockedBarcode } from './listing-contract-suite';
import { SIM_CATALOG } from './sim-http';
import { startSimTarget } from './sim-target';
import { orderWorkflowId } from '../../../workflows/definitions';

const LISTINGS = [
  { listing_order: 'newest_first', listing_query: 'honoured' },
  { listing_order: 'oldest_first', listing_query: 'honoured' },
  { listing_order: 'newest_first', listing_query: 'ignored' },
  { listing_order: 'oldest_first', listing_query: 'ignored' },
] as const;

for (const listing of LISTINGS) {
  describeListingContract(
    `simulator ${listing.listing_order}, query ${listing.listing_query}`,
    { writes: true },
    async () => {
      const { sim, control, client } = await startSimTarget();
      await control.settings(listing);
      // Ten orders, two a page: a search of five pages and the window's two or three.
      return { client, stockedBarcode: SIM_CATALOG.products[0]?.barcode, maxPages: 8, close: () => sim.close() };
    },
  );
}

describe('marker lookup on a simulator that lists oldest first and ignores query', () => {
  it('finds the order an earlier attempt created after older ones (it used to stop at the oldest)', async () => {
    const { sim, control, client } = await startSimTarget();
    try {
      await control.settings({ listing_order: 'oldest_first', listing_query: 'ignored' });
      const request = (description: string) => ({
        service: 'standard',
        description,
        destination: { name: 'A', street1: '1 Main St', city: 'Los Angeles', state: 'CA', zip: '90001', country: 'US' },
        line_items: [{ product: { barcode: SIM_CATALOG.products[0]!.barcode }, units: 1 }],
      });
      for (let i = 0; i < 3; i += 1) await client.createOrder(request(`older ${i}`));
      await new Promise((resolve) => setTimeout(resolve, 1100));
      const createdAfter = new Date();
      const marker = orderMarker(orderWorkflowId('shop1', '1001'));
      const ours = await client.createOrder(request(`#1001 ${marker}`));

      expect((await findOrderByMarker(client, marker, { createdAfter }))?.id).toBe(ours.id);
      expect((await control.faultCounts()).counts).toMatchObject({ oldest_first: 1, query_ignored: 1 });
    } finally {
      await sim.close();
    }
  });
});

const realKey = process.env.EASYPOST_TEST_API_KEY;
if (realKey) {
  const writes = process.env.EASYPOST_CONTRACT_ALLOW_WRITES === '1';
  describeListingContract('EasyPost test environment', { writes }, async () => {
    const client = createEasyPostClient({
      apiKey: realKey,
      baseUrl: process.env.EASYPOST_BASE_URL ?? EASYPOST_BASE_URL,
    });
    const stockedBarcode = writes ? await findStockedBarcode(client) : undefined;
    return { client, stockedBarcode, maxPages: LOOKUP_PAGE_BUDGET };
  });
} else {
  console.log('EasyPost listing contract against the real test environment skipped: EASYPOST_TEST_API_KEY is not set.');
}
