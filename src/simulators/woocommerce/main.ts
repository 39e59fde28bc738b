// Runs the WooCommerce simulator as a process, seeded with the demo store (`npm run dev` starts it).
// Usage: main.ts [port] [--state-file FILE]
import { runMain } from '../../main';
import { simulatorArgs } from '../shared/process-args';
import { keepState } from '../shared/state-file';
import { seedWooCommerceDemo } from './demo';
import { startWooCommerceSimulator, type SiteStoreSnapshot } from '.';

runMain(async () => {
  const args = simulatorArgs(4012);
  // IDs from the clock: a simulator started without its state never reuses an order ID epf already knows.
  const simulator = await startWooCommerceSimulator({ port: args.port, firstId: Math.floor(Date.now() / 1000) });
  const kept = keepState({
    simulator: 'woocommerce',
    file: args['--state-file'],
    snapshot: simulator.snapshot,
    restore: (saved) => simulator.restore(saved as SiteStoreSnapshot),
    seed: () => seedWooCommerceDemo(simulator.control),
  });
  // The store's URL is this run's: the port may have changed since the state was kept.
  const keys = { ...kept.demo, site_url: `${simulator.url}/sites/${kept.demo.site}` };
  // One machine-readable line: a launcher can wait for it and print the URL and keys.
  console.log(`woocommerce simulator ready ${JSON.stringify(keys)}`);
  const stop = () => {
    kept.close();
    void simulator.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
});
