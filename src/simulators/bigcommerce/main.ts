// Runs the BigCommerce simulator as a process, seeded with the demo store (`npm run dev` starts it).
// Usage: main.ts [port] [--state-file FILE]
import { runMain } from '../../main';
import { simulatorArgs } from '../shared/process-args';
import { keepState } from '../shared/state-file';
import { keptBigCommerceState, startBigCommerceSimulator } from '.';

runMain(async () => {
  const args = simulatorArgs(4013);
  // IDs from the clock: a simulator started without its state never reuses an order ID epf already knows.
  const simulator = await startBigCommerceSimulator({ port: args.port, firstId: Math.floor(Date.now() / 1000) });
  const kept = keepState(keptBigCommerceState(simulator, args['--state-file']));
  // The API URL is this run's: the port may have changed since the state was kept.
  const keys = { ...kept.demo, api_url: simulator.url };
  // One machine-readable line: a launcher can wait for it and print the URL and token.
  console.log(`bigcommerce simulator ready ${JSON.stringify(keys)}`);
  const stop = () => {
    kept.close();
    void simulator.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
});
