import type { WorkflowHandle } from '@temporalio/client';
import { historyFromJSON, historyToJSON } from '@temporalio/common/lib/proto-utils';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { orderWorkflow } from '../../workflows';
import { cancelSignal, fixOrderUpdate, retryNowSignal, shipmentUpdateSignal } from '../../workflows/definitions';
import { sampleOrder, sampleShipment } from '../helpers/orders';
import { connectTimeSkipping, testDataConverter } from '../helpers/temporal';
import { testEnv } from '../setup/test-env-vars';
import { runOrder, waitForStatus, type FakeOptions } from './order-fakes';

// Open orders outlive deploys: an order can sit on hold for weeks, so today's workflow code must replay the histories
// that earlier code wrote (docs/architecture.md, "Changing workflow code"). The histories under histories/ are real
// ones, recorded on the time-skipping server by this file with `npm run histories:record`, and never edited: each
// recording adds files named after its label, so every generation stays replayed until its patch is retired.

const HISTORIES_DIR = join(__dirname, 'histories');
const DAY = 24 * 60 * 60 * 1000;

interface Path {
  options: FakeOptions;
  order?: Parameters<typeof sampleOrder>[0];
  drive(handle: WorkflowHandle<typeof orderWorkflow>, env: TestWorkflowEnvironment): Promise<void>;
}

/** Every path an order can take, driven to its end (or to continue-as-new). */
const paths: Record<string, Path> = {
  happy: {
    options: {},
    async drive(handle) {
      await waitForStatus(handle, 'at_wms');
      await handle.signal(shipmentUpdateSignal, sampleShipment('pick_1', true));
      await handle.result();
    },
  },
  'held-then-woken': {
    options: { sends: ['stock', 'stock'] },
    async drive(handle, env) {
      await waitForStatus(handle, 'on_hold');
      await env.sleep(DAY); // the daily resend: held again
      await waitForStatus(handle, 'on_hold');
      await handle.signal(retryNowSignal);
      await waitForStatus(handle, 'at_wms');
      await handle.signal(shipmentUpdateSignal, sampleShipment('pick_1', false));
      await handle.signal(shipmentUpdateSignal, sampleShipment('pick_2', true, 2));
      await handle.result();
    },
  },
  'cancelled-on-hold': {
    options: { thereafter: 'stock' },
    async drive(handle) {
      await waitForStatus(handle, 'on_hold');
      await handle.signal(cancelSignal, { reason: 'buyer cancelled', source: 'cart' });
      await handle.result();
    },
  },
  'cancelled-at-wms': {
    options: {},
    async drive(handle) {
      await waitForStatus(handle, 'at_wms');
      await handle.signal(cancelSignal, { reason: 'buyer cancelled', source: 'cart' });
      await handle.result();
    },
  },
  'shipped-while-on-hold': {
    options: { thereafter: 'stock' },
    async drive(handle) {
      // An earlier create's answer was lost: EasyPost has the order and ships it.
      await waitForStatus(handle, 'on_hold');
      await handle.signal(shipmentUpdateSignal, { ...sampleShipment('pick_1', true), easyPostOrderId: 'order_lost' });
      await handle.result();
    },
  },
  'error-then-fixed': {
    options: {},
    order: { lines: [{ lineId: 'l1', sku: 'UNKNOWN-1', quantity: 1 }] },
    async drive(handle) {
      await waitForStatus(handle, 'error');
      await handle.executeUpdate(fixOrderUpdate, { args: [{ skus: { l1: 'SOCK-M' } }] });
      await waitForStatus(handle, 'at_wms');
      await handle.signal(shipmentUpdateSignal, sampleShipment('pick_1', true));
      await handle.result();
    },
  },
  'continue-as-new': {
    options: { thereafter: 'stock' },
    async drive(handle, env) {
      await waitForStatus(handle, 'on_hold');
      // Ten daily holds, then the run continues as new: its history ends there.
      for (let day = 0; day < 11; day += 1) await env.sleep(DAY);
      await waitForStatus(handle, 'on_hold');
    },
  },
};

/** `<label>.<path>.json`: the label names the code generation that wrote it (a date, by default). */
function historyFiles(): string[] {
  return readdirSync(HISTORIES_DIR)
    .filter((name) => name.endsWith('.json'))
    .sort();
}

if (process.env.RECORD_HISTORIES) {
  const label =
    process.env.RECORD_HISTORIES === '1' ? new Date().toISOString().slice(0, 10) : process.env.RECORD_HISTORIES;
  let env: TestWorkflowEnvironment;
  beforeAll(async () => {
    env = await connectTimeSkipping();
    mkdirSync(HISTORIES_DIR, { recursive: true });
  });
  afterAll(async () => {
    await env?.teardown();
  });

  describe('recording order histories', () => {
    it.each(Object.keys(paths))('%s', async (name) => {
      const path = paths[name]!;
      const file = join(HISTORIES_DIR, `${label}.${name}.json`);
      if (existsSync(file)) throw new Error(`${file} exists: record under another label (RECORD_HISTORIES=<label>)`);
      await runOrder(
        env,
        path.options,
        async ({ handle }) => {
          await path.drive(handle, env);
          // The first run's history: for continue-as-new, the run that ended by continuing.
          const firstRunId = (handle as { firstExecutionRunId?: string }).firstExecutionRunId;
          const history = await env.client.workflow.getHandle(handle.workflowId, firstRunId).fetchHistory();
          writeFileSync(file, historyToJSON(history));
        },
        sampleOrder(path.order),
      );
    });
  });
} else {
  describe('saved order histories', () => {
    it('every path recorded by earlier code replays on today’s workflow code', async () => {
      const files = historyFiles();
      // Every order path has a saved history, so a path can't silently lose its coverage.
      const missing = Object.keys(paths).filter((name) => !files.some((file) => file.endsWith(`.${name}.json`)));
      expect(missing).toEqual([]);

      const histories = files.map((file) => ({
        workflowId: file,
        history: historyFromJSON(JSON.parse(readFileSync(join(HISTORIES_DIR, file), 'utf8'))),
      }));
      const failures: string[] = [];
      const results = Worker.runReplayHistories(
        { workflowBundle: { codePath: testEnv('workflowBundlePath') }, dataConverter: testDataConverter },
        histories,
      );
      for await (const result of results) {
        if (result.error) failures.push(`${result.workflowId}: ${String(result.error)}`);
      }
      expect(failures).toEqual([]);
    });
  });
}
