// Runs the WooCommerce simulator as a process, seeded with the demo store (`npm run dev` may start it).
import { runMain } from '../../main';
import { seedWooCommerceDemo } from './demo';
import { startWooCommerceSimulator } from '.';

runMain(async () => {
  const port = Number(process.argv[2] ?? 4012);
  // IDs from the clock: the local stack keeps its orders across restarts, the simulator does not.
  const simulator = await startWooCommerceSimulator({ port, firstId: Math.floor(Date.now() / 1000) });
  const keys = seedWooCommerceDemo(simulator.control);
  // One machine-readable line: a launcher can wait for it and print the URL and keys.
  console.log(`woocommerce simulator ready ${JSON.stringify(keys)}`);
  const stop = () => void simulator.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
});
