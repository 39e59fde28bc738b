// `npm run bench:pipeline [-- --orders 500 --concurrency 16 --rounds 5 --cart-orders 20 --pull-seconds 30 --json]`:
// orders/s of the real pipeline (submit → EasyPost → shipped → tracking pushed → confirmed) against a bare-Temporal
// floor with the same activities, at one concurrency, in blocks that alternate floor and pipeline; then a WooCommerce
// order → EasyPost, driven by the cart's webhook and by the interval pull alone.
import { parseArgs } from 'node:util';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { printJson } from './json-output';
import { runPipelineBench, type PipelineReport } from './pipeline/run';

function options() {
  const { values } = parseArgs({
    options: {
      orders: { type: 'string' },
      concurrency: { type: 'string' },
      rounds: { type: 'string' },
      'cart-orders': { type: 'string' },
      'pull-seconds': { type: 'string' },
      json: { type: 'boolean' },
    },
  });
  const orders = Number(values.orders ?? 500);
  const concurrency = Number(values.concurrency ?? 16);
  const rounds = Number(values.rounds ?? 5);
  if (!Number.isInteger(orders) || orders < 1) throw new Error('--orders must be a whole number of at least 1');
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new Error('--concurrency must be a whole number ≥ 1');
  if (!Number.isInteger(rounds) || rounds < 1) throw new Error('--rounds must be a whole number of at least 1');
  const cartOrders = Number(values['cart-orders'] ?? 20);
  const pullSeconds = Number(values['pull-seconds'] ?? 30);
  if (!Number.isInteger(cartOrders) || cartOrders < 0) throw new Error('--cart-orders must be a whole number ≥ 0');
  if (!Number.isInteger(pullSeconds) || pullSeconds < 30) throw new Error('--pull-seconds must be a whole number ≥ 30');
  return { orders, concurrency, rounds, cartOrders, pullSeconds, json: values.json ?? false };
}

const ms = (value: number) => Math.round(value);

function print(report: PipelineReport): void {
  const { floor, pipeline } = report;
  const { orders, concurrency, rounds } = report.options;
  console.log(`Throughput: ${orders} orders, ${concurrency} at a time, in ${rounds} blocks per side, alternating`);
  console.table({
    floor: {
      'orders/s': floor.ordersPerSecond.toFixed(1),
      'to waiting p50 ms': ms(floor.toReadyMs.p50),
      'to waiting p99 ms': ms(floor.toReadyMs.p99),
      'events/order': floor.eventsPerOrder,
      'main thread busy': floor.mainThreadBusy.toFixed(2),
      'CPU cores': floor.processCores.toFixed(2),
    },
    pipeline: {
      'orders/s': pipeline.ordersPerSecond.toFixed(1),
      'to waiting p50 ms': ms(pipeline.toReadyMs.p50),
      'to waiting p99 ms': ms(pipeline.toReadyMs.p99),
      'events/order': pipeline.eventsPerOrder,
      'main thread busy': pipeline.mainThreadBusy.toFixed(2),
      'CPU cores': pipeline.processCores.toFixed(2),
    },
  });
  console.log(
    `cart → EasyPost: p50 ${ms(pipeline.cartToEasyPostMs.p50)} ms, p99 ${ms(pipeline.cartToEasyPostMs.p99)} ms; ` +
      `pipeline/floor throughput ${report.throughputRatio.toFixed(2)}`,
  );
  console.log('\nHistory of one order, alone');
  console.table(
    Object.fromEntries(
      Object.entries({ ...report.perOrder, floor: floor.perOrder }).map(([kind, cost]) => [
        kind,
        { events: cost.events, activities: cost.activities, 'local activities': cost.localActivities },
      ]),
    ),
  );
  console.log('\nWhere the time goes: median ms per order under load');
  console.table({ floor: flatten(floor.timeSpentMs), pipeline: flatten(pipeline.timeSpentMs) });
  console.log('\nActivities, timed in the worker (local ones too): calls per order, ms per call');
  console.table(
    Object.fromEntries(
      [...Object.entries(floor.activityMs), ...Object.entries(pipeline.activityMs)].map(([name, t]) => [
        name,
        { 'per order': t.perOrder.toFixed(2), p50: ms(t.p50), p99: ms(t.p99) },
      ]),
    ),
  );
  console.log(
    `driver per order: submit p50 ${ms(pipeline.submitMs.p50)} ms, shipment p50 ${ms(pipeline.shipMs.p50)} ms`,
  );
  if (report.cartRuns) {
    const { webhook, pull, orders: cartOrders } = report.cartRuns;
    console.log(`\nWooCommerce order → EasyPost order, ${cartOrders} orders one at a time`);
    console.table({
      'webhook (interval 3600 s)': { 'p50 ms': ms(webhook.p50), 'p99 ms': ms(webhook.p99) },
      [`pull only (interval ${pull.intervalSeconds} s)`]: { 'p50 ms': ms(pull.p50), 'p99 ms': ms(pull.p99) },
    });
  }
  for (const [name, target] of Object.entries(report.targets)) {
    console.log(`target ${name}: ${JSON.stringify(target)}`);
  }
}

function flatten(spent: PipelineReport['floor']['timeSpentMs']): Record<string, number> {
  const { activities, ...rest } = spent;
  const row: Record<string, number> = Object.fromEntries(Object.entries(rest).map(([key, value]) => [key, ms(value)]));
  for (const [name, { queue, run }] of Object.entries(activities)) {
    row[`${name} queue`] = ms(queue);
    row[`${name} run`] = ms(run);
  }
  return row;
}

async function main(): Promise<void> {
  const { json, ...settings } = options();
  // Worker INFO lines would bury the tables (and a held probe's rejected send logs a warning); errors still show.
  Runtime.install({ logger: new DefaultLogger('ERROR') });
  const report = await runPipelineBench(settings);
  if (json) printJson(report);
  else print(report);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
