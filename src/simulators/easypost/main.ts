// Runs the EasyPost Fulfillment simulator as a process, seeded with the demo catalogue (`npm run dev` starts it).
import { runMain } from '../../main';
import { seedEasyPostDemo } from './demo';
import { startEasyPostSimulator } from '.';

runMain(async () => {
  const port = Number(process.argv[2] ?? 4010);
  const simulator = await startEasyPostSimulator({ port });
  const keys = seedEasyPostDemo(simulator.control);
  // One machine-readable line: the launcher waits for it and prints the URL and keys.
  console.log(`easypost simulator ready ${JSON.stringify({ apiBaseUrl: simulator.apiBaseUrl, ...keys })}`);
  const stop = () => void simulator.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
});
