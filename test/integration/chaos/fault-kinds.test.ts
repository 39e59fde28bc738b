import { CALL_FAULT_KINDS } from '../../../chaos/fault-kinds';
import { countFaults, injectFaults } from '../../../chaos/faults';
import { startSimulators, type Simulators } from '../../../chaos/stack';
import { NEWEST_API_VERSION } from '../../../src/simulators/shopify';

// Each fault kind any call may fire, switched on through its simulator's control API, fires on real HTTP calls and is
// counted back: a kind that could never fire would fail every run that asks for it. The kinds that need an order's own
// flow (FLOW_FAULT_KINDS) are proven by the chaos run itself, which fails when one it asked for never fired.
describe('chaos fault kinds', () => {
  let sims: Simulators;
  beforeAll(async () => {
    sims = await startSimulators();
  });
  afterAll(async () => {
    await Promise.all(Object.values(sims).map((sim) => sim.close()));
  });

  it('each kind fires on calls to its simulator and is counted by name', async () => {
    injectFaults(sims, CALL_FAULT_KINDS, { easypost: 0.9, carts: 0.9 }, 42);
    const shop = sims.shopify.control.createShop({ name: 'Faulty shop' });
    const site = sims.woocommerce.control.createSite({ name: 'Faulty store' });
    const store = sims.bigcommerce.control.createStore({ name: 'Faulty store', quota: 10_000 });
    // Faults act before authentication, so bare calls do. None of these kinds holds an answer: each call is waited
    // for, so the simulator logs it with its fault even on a loaded machine.
    const call = (url: string, init: RequestInit = {}) =>
      fetch(url, { ...init, signal: AbortSignal.timeout(15_000) })
        .then((response) => response.text())
        .catch(() => undefined);
    const json = { 'content-type': 'application/json' };
    await Promise.all(
      Array.from({ length: 60 }, () => [
        call(`${sims.easypost.apiBaseUrl}orders`, { method: 'POST', headers: json, body: '{}' }),
        call(`${shop.shop_url}/admin/api/${NEWEST_API_VERSION}/graphql.json`, {
          method: 'POST',
          headers: json,
          body: JSON.stringify({ query: 'query Shop { shop { name } }', operationName: 'Shop' }),
        }),
        call(`${site.site_url}/wp-json/wc/v3/orders`),
        call(`${store.api_url}/stores/${store.store}/v2/orders`),
      ]).flat(),
    );
    const counts = countFaults(sims, CALL_FAULT_KINDS);
    expect(Object.keys(counts)).toEqual(CALL_FAULT_KINDS.map((kind) => kind.name));
    expect(Object.entries(counts).filter(([, fired]) => fired === 0)).toEqual([]);
  });
});
