// The pipeline bench: the real order pipeline against a bare-Temporal floor doing the same number of (no-op)
// activities and local activities around the same signal, on one dev server, from one workflow bundle.
import { Worker } from '@temporalio/worker';
import { createActivities } from '../../activities';
import { orderWorkflowId } from '../../src/domain/order';
import { createWorker } from '../../src/worker/create-worker';
import { TEST_SECRET_KEY } from '../../test/helpers/database';
import { sampleShipment } from '../../test/helpers/orders';
import { testDataConverter } from '../../test/helpers/temporal';
import type { orderWorkflow } from '../../workflows';
import { floorShipmentSignal, floorWorkflow, type FloorStep } from './floor-workflows';
import { floorSteps, historyCost, type HistoryCost } from './history';
import { floorActivities, instrumentedActivities } from './instrumented-activities';
import { createActivityTimings } from './activity-timings';
import { createLatches } from './latches';
import { blockSizes, createLoad, eventsOf, latency, type Latency, type LoadFigures } from './load';
import { probeOrders, type OrderProbes } from './probes';
import { shipAtEasyPost } from './ship';
import { measureCartLatency, type CartLatencyReport } from './cart-latency';
import { startPipelineStack, type PipelineStack } from './stack';

export type { Latency, LoadFigures } from './load';

export interface PipelineBenchOptions {
  orders: number;
  concurrency: number;
  /** Timed blocks per side, floor and pipeline alternating. */
  rounds: number;
  /** Orders per cart run (webhook-driven, pull-driven), one WooCommerce order at a time; 0 skips them. */
  cartOrders: number;
  /** The pull-driven run's interval in seconds (at least 30, the cart setting's minimum). */
  pullSeconds: number;
}

export interface PipelineReport {
  options: PipelineBenchOptions;
  floor: LoadFigures & { perOrder: HistoryCost; steps: FloorStep[] };
  pipeline: LoadFigures & {
    cartToEasyPostMs: Latency;
    /** The driver's own calls per order: submitOrder, and the shipment (simulator, orders index, signal). */
    submitMs: Latency;
    shipMs: Latency;
  };
  /** One order of each kind, alone. */
  perOrder: OrderProbes;
  /** A WooCommerce order → its EasyPost order, webhook-driven and pull-driven (after the load, alone). */
  cartRuns?: CartLatencyReport;
  /** Pipeline orders/s ÷ floor orders/s. */
  throughputRatio: number;
  targets: {
    throughputRatio: { atLeast: number; value: number; met: boolean };
    happyHistoryEvents: { atMost: number; value: number; met: boolean };
    /** Issue 17 item 6: a cart order at EasyPost in under 5 s (median) with webhooks; only with cart runs. */
    webhookCartToEasyPostP50Ms?: { atMost: number; value: number; met: boolean };
  };
}

const PIPELINE_QUEUE = 'bench-pipeline';
const FLOOR_QUEUE = 'bench-floor';
/** Far above any order's time at zero latency: reaching it means an order is stuck, and the bench says which. */
const ORDER_TIMEOUT_MS = 60_000;
/** The targets ("Proof under fire", item 4). */
const TARGET_RATIO = 0.5;
const TARGET_HAPPY_EVENTS = 30;
const TARGET_WEBHOOK_P50_MS = 5_000;

export async function runPipelineBench(options: PipelineBenchOptions): Promise<PipelineReport> {
  const stack = await startPipelineStack();
  try {
    return await measure(stack, options);
  } finally {
    await stack.close();
  }
}

async function measure(stack: PipelineStack, options: PipelineBenchOptions): Promise<PipelineReport> {
  const sent = createLatches<string>('sent to EasyPost');
  const ready = createLatches<undefined>('waiting for its shipment');
  const timings = { floor: createActivityTimings(), pipeline: createActivityTimings() };
  const onReady = (workflowId: string) => ready.fire(workflowId, undefined);
  const activities = instrumentedActivities(
    createActivities({ pool: stack.pool, secretKey: TEST_SECRET_KEY, easyPostBaseUrl: stack.sim.apiBaseUrl }),
    {
      ready: onReady,
      ran: timings.pipeline.ran,
      sent: (workflowId, easyPostOrderId) => sent.fire(workflowId, easyPostOrderId),
    },
  );
  const pipelineWorker = () =>
    createWorker({
      connection: stack.env.nativeConnection,
      namespace: 'default',
      taskQueue: PIPELINE_QUEUE,
      dataConverter: testDataConverter,
      activities,
      workflowBundlePath: stack.bundlePath,
    });

  // Probes first: the happy order's history is the floor's script, so the floor follows today's workflow.
  const { probes, happyEvents } = await (await pipelineWorker()).runUntil(probeOrders(stack, PIPELINE_QUEUE));
  const steps = floorSteps(happyEvents);

  const floorWorker = await Worker.create({
    connection: stack.env.nativeConnection,
    taskQueue: FLOOR_QUEUE,
    workflowBundle: { codePath: stack.bundlePath },
    activities: floorActivities({ ready: onReady, ran: timings.floor.ran }),
  });
  const runFloor = (prefix: string) => async (index: number) => {
    const workflowId = `floor-${prefix}-${index}`;
    const startedAt = performance.now();
    const handle = await stack.bareClient.workflow.start(floorWorkflow, {
      taskQueue: FLOOR_QUEUE,
      workflowId,
      args: [steps],
    });
    const waiting = await ready.wait(workflowId, ORDER_TIMEOUT_MS);
    await handle.signal(floorShipmentSignal, sampleShipment(workflowId, true));
    await handle.result();
    return { workflowId, toReadyMs: waiting.at - startedAt };
  };
  const runOrder = () => async () => {
    const order = stack.orderFor();
    const workflowId = orderWorkflowId(order.cartId, order.cartOrderId);
    const submittedAt = performance.now();
    const submitted = await stack.submit(order, PIPELINE_QUEUE);
    if (submitted.outcome !== 'started') throw new Error(`${workflowId}: not started (${submitted.outcome})`);
    const submitMs = performance.now() - submittedAt;
    const atEasyPost = await sent.wait(workflowId, ORDER_TIMEOUT_MS);
    const waiting = await ready.wait(workflowId, ORDER_TIMEOUT_MS);
    const shipping = performance.now();
    await shipAtEasyPost(stack, atEasyPost.value);
    const shipMs = performance.now() - shipping;
    const { status } = await stack.env.client.workflow.getHandle<typeof orderWorkflow>(workflowId).result();
    if (status !== 'confirmed') throw new Error(`${workflowId}: ended ${status}, expected confirmed`);
    const toEasyPostMs = atEasyPost.at - submittedAt;
    return { workflowId, toReadyMs: waiting.at - submittedAt, toEasyPostMs, submitMs, shipMs };
  };

  const floorLoad = createLoad(options.concurrency, runFloor);
  const pipelineLoad = createLoad(options.concurrency, runOrder);
  const { floorProbe } = await floorWorker.runUntil(
    (await pipelineWorker()).runUntil(async () => {
      const floorProbe = historyCost(await eventsOf(stack, (await runFloor('probe')(0)).workflowId));
      await floorLoad.warmUp();
      await pipelineLoad.warmUp();
      timings.floor.reset();
      timings.pipeline.reset();
      for (const size of blockSizes(options.orders, options.rounds)) {
        await floorLoad.block(size);
        await pipelineLoad.block(size);
      }
      return { floorProbe };
    }),
  );
  const floor = {
    ...(await floorLoad.figures(stack, timings.floor.summary(options.orders))),
    perOrder: floorProbe,
    steps,
  };
  const { results } = pipelineLoad;
  const pipeline = {
    ...(await pipelineLoad.figures(stack, timings.pipeline.summary(options.orders))),
    cartToEasyPostMs: latency(results.map((r) => r.toEasyPostMs)),
    submitMs: latency(results.map((r) => r.submitMs)),
    shipMs: latency(results.map((r) => r.shipMs)),
  };

  const throughputRatio = pipeline.ordersPerSecond / floor.ordersPerSecond;
  const cartRuns =
    options.cartOrders > 0
      ? await measureCartLatency(stack, { orders: options.cartOrders, pullSeconds: options.pullSeconds })
      : undefined;
  return {
    options,
    floor,
    pipeline,
    perOrder: probes,
    ...(cartRuns && { cartRuns }),
    throughputRatio,
    targets: {
      throughputRatio: { atLeast: TARGET_RATIO, value: throughputRatio, met: throughputRatio >= TARGET_RATIO },
      happyHistoryEvents: {
        atMost: TARGET_HAPPY_EVENTS,
        value: probes.happy.events,
        met: probes.happy.events <= TARGET_HAPPY_EVENTS,
      },
      ...(cartRuns && {
        webhookCartToEasyPostP50Ms: {
          atMost: TARGET_WEBHOOK_P50_MS,
          value: cartRuns.webhook.p50,
          met: cartRuns.webhook.p50 <= TARGET_WEBHOOK_P50_MS,
        },
      }),
    },
  };
}
