// Runs the BigCommerce simulator as a process, seeded with the demo store (`npm run dev` starts it).
import { runMain } from '../../main';
import { seedBigCommerceDemo } from './demo';
import { startBigCommerceSimulator } from '.';

runMain(async () => {
  const port = Number(process.argv[2] ?? 4013);
  // IDs from the clock: the local stack keeps its orders across restarts, the simulator does not.
  const simulator = await startBigCommerceSimulator({ port, firstId: Math.floor(Date.now() / 1000) });
  const keys = seedBigCommerceDemo(simulator.control);
  // One machine-readable line: a launcher can wait for it and print the URL and token.
  console.log(`bigcommerce simulator ready ${JSON.stringify(keys)}`);
  const stop = () => void simulator.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
});
