// Runs the Shopify simulator as a process, seeded with the demo shop (`npm run dev` starts it).
// Usage: main.ts [port] [--state-file FILE]
import { runMain } from '../../main';
import { simulatorArgs } from '../shared/process-args';
import { keepState } from '../shared/state-file';
import { DEMO_CLIENT_SECRET, seedShopifyDemo } from './demo';
import { startShopifySimulator, type ShopCredentials, type ShopifySnapshot } from '.';

runMain(async () => {
  const args = simulatorArgs(4011);
  // IDs from the clock: a simulator started without its state never reuses an order ID epf already knows.
  const simulator = await startShopifySimulator({ port: args.port, firstId: Math.floor(Date.now() / 1000) });
  const kept = keepState({
    simulator: 'shopify',
    file: args['--state-file'],
    snapshot: simulator.snapshot,
    restore: (saved) => simulator.restore(saved as ShopifySnapshot),
    seed: () => seedShopifyDemo(simulator.control),
  });
  // The shop's URL is this run's: the port may have changed since the state was kept. A state kept before shops had
  // a client secret restores with the demo one.
  const demo: Omit<ShopCredentials, 'client_secret'> & Partial<ShopCredentials> = kept.demo;
  const shop = {
    ...demo,
    client_secret: demo.client_secret ?? DEMO_CLIENT_SECRET,
    shop_url: `${simulator.url}/shops/${demo.shop_id}`,
  };
  // One machine-readable line: the launcher waits for it and configures the demo cart from it.
  console.log(`shopify simulator ready ${JSON.stringify(shop)}`);
  const stop = () => {
    kept.close();
    void simulator.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
});
