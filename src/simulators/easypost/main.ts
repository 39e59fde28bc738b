// Runs the EasyPost Fulfillment simulator as a process, seeded with the demo catalogue (`npm run dev` starts it).
// Usage: main.ts [port] [--ship-after-seconds N]: with N > 0 the warehouse ships accepted orders N s after they arrive.
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { loadConfig } from '../../config/env';
import { runMain } from '../../main';
import { seedEasyPostDemo } from './demo';
import { startEasyPostSimulator } from '.';

const argsSchema = z.object({
  port: z.coerce.number().int().min(0).max(65535).default(4010),
  '--ship-after-seconds': z.coerce.number().min(0).default(0),
});

runMain(async () => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { 'ship-after-seconds': { type: 'string' } },
  });
  // Errors name the argument, as configuration errors name the variable.
  const { port, '--ship-after-seconds': shipAfterSeconds } = loadConfig(argsSchema, {
    port: positionals[0],
    '--ship-after-seconds': values['ship-after-seconds'],
  });
  const simulator = await startEasyPostSimulator({
    port,
    autoShip: shipAfterSeconds > 0 ? { afterMs: shipAfterSeconds * 1000, log: console.log } : undefined,
  });
  const keys = seedEasyPostDemo(simulator.control);
  // One machine-readable line: the launcher waits for it and prints the URL and keys.
  console.log(`easypost simulator ready ${JSON.stringify({ apiBaseUrl: simulator.apiBaseUrl, ...keys })}`);
  const stop = () => void simulator.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
});
