import type { Browser } from 'playwright-core';
import { pollUntil } from '../../helpers/poll';
import { startOrderStack, type OrderStack } from '../../helpers/order-stack';
import { findChromium, findWorkflowInList, launchChromium, newUiContext } from '../../helpers/web-ui';
import { testEnv } from '../../setup/test-env-vars';
import { waitForStatus } from '../../workflows/order-fakes';

const chromium = findChromium();
// Never a mysterious failure: without a browser the test is skipped and says why, once, in the output.
if ('missing' in chromium) console.warn(`Web UI browser test skipped: ${chromium.missing}`);
const describeWithBrowser = 'path' in chromium ? describe : describe.skip;

let stack: OrderStack;
let browser: Browser;

beforeAll(async () => {
  if (!('path' in chromium)) return;
  [stack, browser] = await Promise.all([startOrderStack('web-ui'), launchChromium(chromium.path)]);
  await stack.startWorker();
});

afterAll(async () => {
  await Promise.all([stack?.close(), browser?.close()]);
});

describeWithBrowser('the Temporal Web UI as the operators’ console', () => {
  it('finds an order by CartOrderNumber and shows its summary', async () => {
    const order = stack.orderFor();
    expect((await stack.submit(order)).outcome).toBe('started');
    const handle = stack.handleOf(order);
    await waitForStatus(handle, 'at_wms');
    // The index keeps the same one-line summary the workflow sets as its current details.
    let summary = '';
    await pollUntil(
      async () => {
        const { rows } = await stack.pool.query<{ status: string; summary: string }>(
          'SELECT status, summary FROM orders WHERE cart_id = $1 AND cart_order_id = $2',
          [order.cartId, order.cartOrderId],
        );
        summary = rows[0]?.status === 'at_wms' ? rows[0].summary : '';
        return summary !== '';
      },
      { describe: () => 'the orders index never showed the order at_wms' },
    );
    expect(summary).toContain(`${order.cartOrderNumber} · San Francisco, US · 3 items`);

    const uiUrl = testEnv('devServerUiUrl');
    const context = await newUiContext(browser, uiUrl, {
      codecs: stack.env.client.options.loadedDataConverter.payloadCodecs,
    });
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    const link = await findWorkflowInList(
      page,
      uiUrl,
      `CartOrderNumber = "${order.cartOrderNumber}"`,
      handle.workflowId,
    );
    await link.click();
    await page.waitForURL((url) => url.pathname.includes(encodeURIComponent(handle.workflowId)));
    // Summary (set at start) and current details (set at each transition, read through a query the worker answers)
    // are rendered as Markdown, each in its own frame.
    await page.getByText('User Metadata', { exact: true }).click();
    await page
      .frameLocator('#user-metadata-summary')
      .getByText(`${order.cartOrderNumber} · San Francisco, US · 3 items · Received`)
      .waitFor();
    await page.frameLocator('#user-metadata-current-details').getByText(summary).waitFor({ timeout: 20_000 });
    await context.close();
  }, 60_000);
});
