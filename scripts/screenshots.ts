// `npm run screenshots`: PNGs of the Temporal Web UI as operators use it, taken from a running `npm run dev` stack,
// for docs/operations.md and the README. Reads the stack's addresses and keys from .data/dev.env.
import { Client, Connection } from '@temporalio/client';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import type { BrowserContext, Page } from 'playwright-core';
import { dataConverterFromEnv } from '../src/temporal/codec/data-converter';
import {
  findChromium,
  launchChromium,
  newUiContext,
  schedulesUrl,
  workflowListUrl,
  workflowUrl,
} from '../test/helpers/web-ui';
import { pullScheduleId } from '../workflows/definitions';

const ROOT = join(__dirname, '..');

const { values: args } = parseArgs({
  options: {
    ui: { type: 'string', default: `http://127.0.0.1:${process.env.EPF_DEV_UI_PORT ?? 8233}` },
    env: { type: 'string', default: join(ROOT, '.data', 'dev.env') },
    out: { type: 'string', default: join(ROOT, 'docs', 'screenshots') },
    merchant: { type: 'string', default: 'demo' },
  },
});

/** The workflow table's columns, as the UI keeps them after "Configure Columns": our search attributes in view. */
const ORDER_COLUMNS = ['Status', 'Workflow ID', 'OrderStatus', 'CartOrderNumber', 'NextResendAt', 'HoldCount'];

async function run(): Promise<void> {
  const chromium = findChromium();
  if ('missing' in chromium) throw new Error(chromium.missing);
  if (!existsSync(args.env)) throw new Error(`${args.env} not found: start the stack with npm run dev first`);
  const env = { ...process.env, ...readEnvFile(args.env) };
  const dataConverter = dataConverterFromEnv(env);
  const connection = await Connection.connect({ address: env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233' });
  const browser = await launchChromium(chromium.path);
  try {
    const client = new Client({ connection, dataConverter });
    const merchant = args.merchant;
    const order = await firstWorkflow(
      client,
      `MerchantId = "${merchant}" AND OrderStatus IN ("at_wms", "shipped", "confirmed")`,
    );
    const onHold = await firstWorkflow(client, `MerchantId = "${merchant}" AND OrderStatus = "on_hold"`, () =>
      submitDemoOrder(env, 'out-of-stock.json'),
    );
    const orderNumber = order.searchAttributes.CartOrderNumber?.[0];
    if (typeof orderNumber !== 'string') throw new Error(`${order.workflowId} has no CartOrderNumber`);

    const context = await newUiContext(browser, args.ui, {
      codecs: dataConverter.payloadCodecs ?? [],
      collapseNav: true,
    });
    await showColumns(context, ORDER_COLUMNS);
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    mkdirSync(args.out, { recursive: true });

    await openList(page, `MerchantId = "${merchant}"`, order.workflowId);
    await shoot(page, 'workflows-by-merchant.png');

    await openList(page, `CartOrderNumber = "${orderNumber}"`, order.workflowId);
    await shoot(page, 'search-cart-order-number.png');

    await page.goto(workflowUrl(args.ui, order.workflowId));
    await page.getByText('User Metadata', { exact: true }).click();
    await page.frameLocator('#user-metadata-current-details').getByText(orderNumber).waitFor();
    await shoot(page, 'order-summary.png');

    await openList(page, `OrderStatus = "on_hold" AND MerchantId = "${merchant}"`, onHold.workflowId);
    await shoot(page, 'on-hold-orders.png');

    await page.goto(schedulesUrl(args.ui));
    await page.setViewportSize({ width: 1280, height: 1000 });
    await page
      .getByRole('link', { name: new RegExp(`^${pullScheduleId('')}`) })
      .first()
      .waitFor();
    await shoot(page, 'schedules.png');
  } finally {
    await browser.close();
    await connection.close();
  }
}

/** The newest workflow matching `query`, after `create` when there is none yet; waits up to a minute. */
async function firstWorkflow(client: Client, query: string, create?: () => void) {
  let created = false;
  const deadline = Date.now() + 60_000;
  for (;;) {
    for await (const workflow of client.workflow.list({ query, pageSize: 1 })) return workflow;
    if (create && !created) {
      create();
      created = true;
    }
    if (Date.now() > deadline) throw new Error(`no workflow matches ${query}: is npm run dev running with its demo?`);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
}

/** Submits one of the dev stack's sample orders through the CLI, as an operator would. */
function submitDemoOrder(env: NodeJS.ProcessEnv, file: string): void {
  const path = join(ROOT, '.data', 'demo-orders', file);
  const result = spawnSync('npm', ['run', '-s', 'epf', '--', 'orders', 'submit', '--file', path], {
    cwd: ROOT,
    env,
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`orders submit --file ${path} failed: ${result.stderr}`);
}

/** The Web UI keeps the workflow table's columns per namespace in localStorage. */
async function showColumns(context: BrowserContext, labels: string[]): Promise<void> {
  const value = JSON.stringify({ default: labels.map((label) => ({ label })) });
  await context.addInitScript({
    content: `localStorage.setItem('namespace-workflow-table-columns', ${JSON.stringify(value)});`,
  });
}

async function openList(page: Page, query: string, workflowId: string): Promise<void> {
  await page.goto(workflowListUrl(args.ui, query));
  await page.getByRole('link', { name: workflowId, exact: true }).first().waitFor();
}

async function shoot(page: Page, name: string): Promise<void> {
  // Late requests (counts, decoded payloads) fill in after the awaited element; the workflow page long-polls its
  // history, so there is no network idle to wait for.
  await page.waitForTimeout(1_500);
  const path = join(args.out, name);
  await page.screenshot({ path });
  console.log(`wrote ${relative(ROOT, path)}`);
}

function readEnvFile(path: string): Record<string, string> {
  const entries = readFileSync(path, 'utf8')
    .split('\n')
    .map((line) => line.match(/^([A-Z0-9_]+)=(.*)$/))
    .filter((match): match is RegExpMatchArray => match !== null)
    .map((match) => [match[1]!, match[2]!]);
  return Object.fromEntries(entries);
}

run().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
