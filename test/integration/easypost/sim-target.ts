import { createEasyPostClient, type EasyPostClientOptions } from '../../../src/easypost';
import { startEasyPostSimulator } from '../../../src/simulators/easypost';
import { SIM_CATALOG, simHttp } from './sim-http';

/** A simulator with one seeded test account, a client on its key, and the HTTP control API. */
export async function startSimTarget(clientOptions: Partial<EasyPostClientOptions> = {}) {
  // No rate limit: tests here are about classification, not pacing; the faults suite turns 429s on when it wants them.
  const sim = await startEasyPostSimulator({ port: 0, rateLimitPerSecond: null });
  const control = simHttp(sim.url);
  const account = await control.createAccount('contract');
  await control.seed({ api_key: account.test_key, ...SIM_CATALOG });
  const client = createEasyPostClient({ apiKey: account.test_key, baseUrl: sim.apiBaseUrl, ...clientOptions });
  return { sim, control, apiKey: account.test_key, client };
}
