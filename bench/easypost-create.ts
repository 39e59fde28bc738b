import { parseArgs } from 'node:util';
import { benchProblems, runCreateBench, type CreateBenchReport } from './easypost/create-bench';
import { printJson } from './json-output';

// npm run bench:easypost -- --orders 1000 --fault-rate 0.2 --concurrency 16 [--timeout-ms 1000] [--json]

function numberFlag(values: Record<string, string | boolean | undefined>, name: string, fallback: number): number {
  const raw = values[name];
  const value = raw === undefined ? fallback : Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} must be a non-negative number, got ${raw}`);
  return value;
}

function print(report: CreateBenchReport): void {
  const rows: [string, string | number][] = [
    ['intended orders', report.intendedOrders],
    ['simulator orders', report.simOrders],
    ['duplicates', report.duplicates],
    ['missing', report.missing],
    ['unclassified errors', report.unclassified],
    ['failed (non-retryable or out of attempts)', report.failed],
    ['adopted after an ambiguous failure', report.adopted],
    ['attempts', report.attempts],
    ['requests', report.requests],
    ...Object.entries(report.faultsByKind).map(([kind, count]): [string, number] => [`faults: ${kind}`, count]),
    ['wall time', `${(report.wallMs / 1000).toFixed(2)} s`],
    ['requests/s', report.requestsPerSecond.toFixed(1)],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  for (const [label, value] of rows) console.log(`${label.padEnd(width)}  ${value}`);
  for (const error of report.errors) console.log(`error: ${error}`);
}

async function run(): Promise<void> {
  const { values } = parseArgs({
    options: {
      orders: { type: 'string' },
      'fault-rate': { type: 'string' },
      concurrency: { type: 'string' },
      'timeout-ms': { type: 'string' },
      json: { type: 'boolean' },
    },
  });
  const faultRate = numberFlag(values, 'fault-rate', 0.2);
  if (faultRate > 1) throw new Error('--fault-rate must be at most 1');
  const report = await runCreateBench({
    orders: numberFlag(values, 'orders', 1000),
    faultRate,
    concurrency: Math.max(1, numberFlag(values, 'concurrency', 16)),
    timeoutMs: numberFlag(values, 'timeout-ms', 1000),
  });
  if (values.json) printJson(report);
  else print(report);
  const problems = benchProblems(report);
  if (problems.length > 0) {
    console.error(`FAILED: ${problems.join(', ')}`);
    process.exitCode = 1;
  }
}

run().catch((err) => {
  console.error(err);
  process.exit(1);
});
