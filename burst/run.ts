// `npm run burst -- --orders 10000 --rate 20`: N held orders of one merchant resent at its daily resend time under
// its EasyPost rate; prints the figures and exits 1 when a limit is exceeded, an order is lost or sent twice, or the
// resend misses its bound.
import { mkdirSync } from 'node:fs';
import { removeRunDir } from '../chaos/stack';
import { join } from 'node:path';
import { z } from 'zod';
import { printJson } from '../bench/json-output';
import { parseFlags } from '../src/config/flags';
import { runMain } from '../src/main';
import { burstFailures, formatBurstReport } from './report';
import { runBurst } from './scenario';

const flagsSchema = z.object({
  orders: z.coerce.number().int().min(10).max(100_000).default(10_000),
  /** EasyPost requests/s during the burst. 20 shortens the clock 4× against the 5/s default (docs/scaling.md). */
  rate: z.coerce.number().min(1).max(1000).default(20),
  'setup-rate': z.coerce.number().min(1).max(1000).default(200),
  'stuck-every': z.coerce.number().int().min(2).max(100_000).default(100),
  /** Default: room for the setup at about 15 orders/s, plus a minute. */
  lead: z.coerce.number().int().min(30).max(86_400).optional(),
  json: z.boolean().default(false),
});

runMain(async () => {
  const flags = parseFlags(flagsSchema, ['json']);
  const runDir = join(__dirname, '..', '.data', 'burst', new Date().toISOString().replace(/[:.]/g, '-'));
  mkdirSync(runDir, { recursive: true });
  const report = await runBurst({
    orders: flags.orders,
    ratePerSecond: flags.rate,
    setupRatePerSecond: flags['setup-rate'],
    stuckEvery: flags['stuck-every'],
    leadSeconds: flags.lead ?? Math.ceil(flags.orders / 15) + 60,
    runDir,
    log: (line) => console.error(line),
  });
  if (flags.json) printJson(report);
  else console.log(formatBurstReport(report));
  const failed = burstFailures(report).length > 0;
  if (!failed) removeRunDir(runDir);
  process.exitCode = failed ? 1 : 0;
});
