import { createEasyPostClient, EASYPOST_BASE_URL } from '../../../src/easypost';
import { describeEasyPostContract } from './contract-suite';
import { findStockedBarcode } from './listing-contract-suite';
import { SIM_CATALOG } from './sim-http';
import { startSimTarget } from './sim-target';

describeEasyPostContract('simulator', { writes: true, shipping: true }, async () => {
  const { sim, control, apiKey, client } = await startSimTarget();
  return {
    client,
    setup: {
      baseUrl: sim.apiBaseUrl,
      stockedBarcode: SIM_CATALOG.products[0]?.barcode,
      shipOrder: async (orderId) => {
        await control.advance(orderId, { api_key: apiKey, to: 'shipped' });
      },
      warehouseIdAnswer: 'honoured',
    },
    close: () => sim.close(),
  };
});

const realKey = process.env.EASYPOST_TEST_API_KEY;
const realWrites = process.env.EASYPOST_CONTRACT_ALLOW_WRITES === '1';
if (realKey) {
  describeEasyPostContract('EasyPost test environment', { writes: realWrites, shipping: false }, async () => {
    const baseUrl = process.env.EASYPOST_BASE_URL ?? EASYPOST_BASE_URL;
    const client = createEasyPostClient({ apiKey: realKey, baseUrl });
    return { client, setup: { baseUrl, stockedBarcode: realWrites ? await findStockedBarcode(client) : undefined } };
  });
} else {
  console.log('EasyPost contract against the real test environment skipped: EASYPOST_TEST_API_KEY is not set.');
}
