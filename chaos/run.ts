// `npm run chaos -- --orders 1000 --seed 7`: orders through the whole stack under faults, kills and a database
// restart; prints the audit and exits 1 on any duplicate, loss or mismatch.
import { mkdirSync } from 'node:fs';
import { removeRunDir } from './stack';
import { join } from 'node:path';
import { z } from 'zod';
import { parseFlags } from '../src/config/flags';
import { runMain } from '../src/main';
import { FAULT_KIND_NAMES } from './fault-kinds';
import { failuresOf, formatReport } from './report';
import { runChaos } from './scenario';

const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
const flagsSchema = z.object({
  orders: int(1, 100_000).default(1000),
  seed: int(0, 2 ** 31 - 1).default(() => Math.floor(Math.random() * 2 ** 31)),
  'fault-rate': z.coerce.number().min(0).max(0.9).default(0.2),
  /** Default: --fault-rate; 0 isolates EasyPost, the worker kills and the database restart. */
  'cart-fault-rate': z.coerce.number().min(0).max(0.9).optional(),
  /** Comma-separated fault kinds to ask for (default all); each must fire at least once. */
  faults: z
    .string()
    .transform((list) => list.split(',').map((name) => name.trim()))
    .pipe(z.array(z.enum(FAULT_KIND_NAMES)))
    .optional(),
  kills: int(0, 100).default(3),
  'drain-timeout': int(10, 86_400).default(900),
});

runMain(async () => {
  const flags = parseFlags(flagsSchema);
  const runDir = join(__dirname, '..', '.data', 'chaos', `${new Date().toISOString().replace(/[:.]/g, '-')}`);
  mkdirSync(runDir, { recursive: true });
  // Ctrl-C or SIGTERM ends the run in order (audit, then every server stopped); a second one exits at once.
  const interrupted = new AbortController();
  const interrupt = (signal: NodeJS.Signals) => {
    if (interrupted.signal.aborted) process.exit(130);
    console.log(`${signal}: ending the run and stopping its servers (again to exit at once)`);
    interrupted.abort();
  };
  process.on('SIGINT', interrupt).on('SIGTERM', interrupt);
  const report = await runChaos({
    orders: flags.orders,
    seed: flags.seed,
    faultRate: flags['fault-rate'],
    cartFaultRate: flags['cart-fault-rate'],
    faultKinds: flags.faults,
    workerKills: flags.kills,
    drainTimeoutMs: flags['drain-timeout'] * 1000,
    runDir,
    log: (line) => console.log(line),
    signal: interrupted.signal,
  });
  console.log(formatReport(report));
  const failed = failuresOf(report).length > 0;
  // A failed run keeps its logs and data for a post-mortem; a passed one leaves nothing behind.
  if (!failed) removeRunDir(runDir);
  process.exitCode = failed ? 1 : 0;
});
