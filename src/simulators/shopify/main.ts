// Runs the Shopify simulator as a process, seeded with the demo shop (`npm run dev` starts it).
import { runMain } from '../../main';
import { seedShopifyDemo } from './demo';
import { startShopifySimulator } from '.';

runMain(async () => {
  const port = Number(process.argv[2] ?? 4011);
  // IDs from the clock: the local stack keeps its orders across restarts, the simulator does not.
  const simulator = await startShopifySimulator({ port, firstId: Math.floor(Date.now() / 1000) });
  const shop = seedShopifyDemo(simulator.control);
  // One machine-readable line: the launcher waits for it and configures the demo cart from it.
  console.log(`shopify simulator ready ${JSON.stringify(shop)}`);
  const stop = () => void simulator.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
});
