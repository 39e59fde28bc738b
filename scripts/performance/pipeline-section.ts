import type { PipelineReport } from '../../bench/pipeline/run';
import type { TimeSpent } from '../../bench/pipeline/history';
import { table } from './markdown';

const ms = (value: number) => Math.round(value);
const perSecond = (value: number) => value.toFixed(1);

/** The pipeline bench: throughput against the floor, latency, history per order, and where events and time go. */
export function pipelineSection(report: PipelineReport): string {
  const { floor, pipeline, targets } = report;
  const { orders, concurrency, rounds } = report.options;
  const kinds = { ...report.perOrder, floor: floor.perOrder };
  const eventTypes = [...new Set(Object.values(kinds).flatMap((cost) => Object.keys(cost.eventsByType)))].sort();
  return [
    `## The order pipeline against a bare-Temporal floor (\`npm run bench:pipeline\`)`,
    `${orders} orders per side, ${concurrency} at a time, on one dev server, after one untimed order per lane; ` +
      `timed in ${rounds} blocks per side, floor and pipeline alternating, so a change in the machine's other load ` +
      `weighs on both alike. ` +
      `The **floor** is a workflow that runs a happy order's ${floor.perOrder.activities} activities and ` +
      `${floor.perOrder.localActivities} local activities as no-ops, in the order a live happy order's history has ` +
      `them, around the same shipment signal. The **pipeline** is the real thing: \`submitOrder\`, the real ` +
      `activities on PostgreSQL and the EasyPost ` +
      `simulator (no rate limit, no latency), the shipment found in the orders index and signalled as EasyPost's ` +
      `webhook does, tracking pushed to the manual cart, confirmed.`,
    table(
      ['', 'orders/s', 'to waiting for the shipment p50 / p99 ms', 'events per order', 'main thread busy', 'CPU cores'],
      [
        ['floor', perSecond(floor.ordersPerSecond), `${ms(floor.toReadyMs.p50)} / ${ms(floor.toReadyMs.p99)}`],
        [
          'pipeline',
          perSecond(pipeline.ordersPerSecond),
          `${ms(pipeline.toReadyMs.p50)} / ${ms(pipeline.toReadyMs.p99)}`,
        ],
      ].map((row, index) => {
        const run = index === 0 ? floor : pipeline;
        return [...row, run.eventsPerOrder, run.mainThreadBusy.toFixed(2), run.processCores.toFixed(2)];
      }),
    ),
    `- **Cart to EasyPost** (submit → the EasyPost order exists): p50 ${ms(pipeline.cartToEasyPostMs.p50)} ms, p99 ` +
      `${ms(pipeline.cartToEasyPostMs.p99)} ms.`,
    ...(report.cartRuns ? [cartRunsLine(report.cartRuns, targets.webhookCartToEasyPostP50Ms?.met ?? false)] : []),
    `- **Throughput, pipeline ÷ floor**: ${report.throughputRatio.toFixed(2)} (target ≥ ` +
      `${targets.throughputRatio.atLeast}: ${verdict(targets.throughputRatio.met)}).`,
    `- **History events of a happy order**: ${targets.happyHistoryEvents.value} (target ≤ ` +
      `${targets.happyHistoryEvents.atMost}: ${verdict(targets.happyHistoryEvents.met)}).`,
    `- "Main thread busy" is the bench process's event loop (driver, activities, payload codec, and the in-process ` +
      `simulators); "CPU cores" all its threads (workflow code runs on worker threads). The Temporal server and ` +
      `PostgreSQL run in their own processes on the same cores.`,
    `### History per order (one order of each kind, alone)`,
    table(
      ['order', 'events', 'activities', 'local activities', 'workflow tasks'],
      Object.entries(kinds).map(([kind, cost]) => [
        kindLabel(kind),
        cost.events,
        cost.activities,
        cost.localActivities,
        cost.workflowTasks,
      ]),
    ),
    `Where the events go, by type:`,
    table(
      ['event type', ...Object.keys(kinds).map(kindLabel)],
      eventTypes.map((type) => [type, ...Object.values(kinds).map((cost) => cost.eventsByType[type] ?? 0)]),
    ),
    `### Where the time goes (median ms per order under load, from ${pipeline.sampled} histories of each run)`,
    timeTable(floor.timeSpentMs, pipeline.timeSpentMs),
    `Activities timed inside the worker over the timed run (history does not time local activities):`,
    table(
      ['activity', 'calls per order', 'p50 ms', 'p99 ms'],
      Object.entries({ ...floor.activityMs, ...pipeline.activityMs }).map(([name, t]) => [
        name,
        t.perOrder.toFixed(2),
        ms(t.p50),
        ms(t.p99),
      ]),
    ),
    `The pipeline driver's own calls per order, p50: \`submitOrder\` ${ms(pipeline.submitMs.p50)} ms, the shipment ` +
      `(simulator, orders index, signal) ${ms(pipeline.shipMs.p50)} ms.`,
    ...(targets.throughputRatio.met ? [] : [shortfall(floor.timeSpentMs, pipeline.timeSpentMs, report)]),
  ].join('\n\n');
}

function cartRunsLine(runs: NonNullable<PipelineReport['cartRuns']>, met: boolean): string {
  const { webhook, pull } = runs;
  return (
    `- **WooCommerce order to EasyPost** (the simulator's order → the EasyPost order exists, ${runs.orders} orders ` +
    `one at a time): through the cart's webhook (pull interval 1 h) p50 ${ms(webhook.p50)} ms, p99 ` +
    `${ms(webhook.p99)} ms; through the pull alone (interval ${pull.intervalSeconds} s) p50 ${ms(pull.p50)} ms, ` +
    `p99 ${ms(pull.p99)} ms (the anchors pull every 300 s). Target: p50 under 5 s with webhooks: ${verdict(met)}.`
  );
}

function timeTable(floor: TimeSpent, pipeline: TimeSpent): string {
  const rows = timeRows(floor, pipeline);
  return table(
    ['', 'floor', 'pipeline', 'pipeline − floor'],
    rows.map(([label, f, p]) => [label, ms(f), ms(p), ms(p - f)]),
  );
}

function timeRows(floor: TimeSpent, pipeline: TimeSpent): [string, number, number][] {
  const activities = (spent: TimeSpent) =>
    Object.values(spent.activities).reduce((sum, a) => ({ queue: sum.queue + a.queue, run: sum.run + a.run }), {
      queue: 0,
      run: 0,
    });
  const [fa, pa] = [activities(floor), activities(pipeline)];
  return [
    ['total, start to close', floor.total, pipeline.total],
    ['workflow tasks waiting for a worker', floor.workflowTaskQueue, pipeline.workflowTaskQueue],
    [
      'workflow tasks running (workflow code, codec, local activities)',
      floor.workflowTaskRun,
      pipeline.workflowTaskRun,
    ],
    ['activities waiting for a worker', fa.queue, pa.queue],
    ['activities running', fa.run, pa.run],
    ['between tasks (the driver, the signal)', floor.waiting, pipeline.waiting],
  ];
}

/** Generated from the figures: the rows where the pipeline spends most beyond the floor. */
function shortfall(floor: TimeSpent, pipeline: TimeSpent, report: PipelineReport): string {
  const gaps = timeRows(floor, pipeline)
    .slice(1)
    .map(([label, f, p]) => ({ label, gap: p - f }))
    .sort((a, b) => b.gap - a.gap)
    .slice(0, 3)
    .map(({ label, gap }) => `${label} +${ms(gap)} ms`);
  const locals = Object.entries(report.pipeline.activityMs)
    .map(([name, t]) => ({ name, total: t.perOrder * t.p50 }))
    .sort((a, b) => b.total - a.total)
    .slice(0, 3)
    .map(({ name, total }) => `${name} ${ms(total)} ms`);
  return (
    `**Where the throughput goes.** Per order, beyond the floor: ${gaps.join('; ')}. The activities that cost the ` +
    `pipeline most per order (calls × p50): ${locals.join(', ')}. The bench process's main thread was busy ` +
    `${report.pipeline.mainThreadBusy.toFixed(2)} of the pipeline run against ` +
    `${report.floor.mainThreadBusy.toFixed(2)} of the floor's.`
  );
}

function kindLabel(kind: string): string {
  return { happy: 'happy', held: 'held once, woken', cancelled: 'cancelled at the WMS', floor: 'floor' }[kind] ?? kind;
}

function verdict(met: boolean): string {
  return met ? 'met' : '**not met**';
}
