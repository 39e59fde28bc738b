// Runs the EasyPost Fulfillment simulator as a process, seeded with the demo catalogue (`npm run dev` starts it).
// Usage: main.ts [port] [--state-file FILE] [--ship-after-seconds N] [--split-gap-seconds G]: with N > 0 the
// warehouse ships accepted orders N s after they arrive, the second package of a split G s after the first.
import { z } from 'zod';
import { runMain } from '../../main';
import { simulatorArgs } from '../shared/process-args';
import { keepState } from '../shared/state-file';
import { seedEasyPostDemo } from './demo';
import { startEasyPostSimulator, type StoreSnapshot } from '.';

runMain(async () => {
  const args = simulatorArgs(4010, {
    '--ship-after-seconds': z.coerce.number().min(0).default(0),
    '--split-gap-seconds': z.coerce.number().min(0).optional(),
  });
  const shipAfterMs = args['--ship-after-seconds'] * 1000;
  const splitGapSeconds = args['--split-gap-seconds'];
  const simulator = await startEasyPostSimulator({
    port: args.port,
    autoShip:
      shipAfterMs > 0
        ? {
            afterMs: shipAfterMs,
            splitGapMs: splitGapSeconds === undefined ? undefined : splitGapSeconds * 1000,
            log: console.log,
          }
        : undefined,
  });
  const kept = keepState({
    simulator: 'easypost',
    file: args['--state-file'],
    snapshot: simulator.snapshot,
    restore: (saved) => simulator.restore(saved as StoreSnapshot),
    seed: () => seedEasyPostDemo(simulator.control),
  });
  // One machine-readable line: the launcher waits for it and prints the URL and keys.
  console.log(`easypost simulator ready ${JSON.stringify({ apiBaseUrl: simulator.apiBaseUrl, ...kept.demo })}`);
  const stop = () => {
    kept.close();
    void simulator.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
});
