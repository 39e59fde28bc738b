import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { FastifyInstance } from 'fastify';
import type { Pool } from 'pg';
import type { Browser } from 'playwright-core';
import { buildApi } from '../../../src/api/app';
import { createTestPool } from '../../helpers/database';
import { connectDevServer, uniqueTaskQueue } from '../../helpers/temporal';
import { findChromium, launchChromium, newUiContext, workflowUrl } from '../../helpers/web-ui';
import { testEnv } from '../../setup/test-env-vars';

const chromium = findChromium();
if ('missing' in chromium) console.warn(`Web UI codec session browser test skipped: ${chromium.missing}`);
const describeWithBrowser = 'path' in chromium ? describe : describe.skip;

const TOKEN = 'browser-test-token-'.padEnd(40, 'x');
let env: TestWorkflowEnvironment;
let pool: Pool;
let app: FastifyInstance;
let browser: Browser;

beforeAll(async () => {
  if (!('path' in chromium)) return;
  [env, pool, browser] = await Promise.all([connectDevServer(), createTestPool(), launchChromium(chromium.path)]);
});

afterAll(async () => {
  await Promise.all([app?.close(), browser?.close()]);
  await pool?.end();
  await env?.teardown();
});

describeWithBrowser('the Web UI decoding through the API with CODEC_AUTH=cookie (docker compose)', () => {
  it('shows an encrypted input decoded once the browser signed in at /codec/session', async () => {
    // The UI as compose publishes it: on 127.0.0.1, the API's host, so the SameSite=Strict cookie goes along.
    const uiUrl = testEnv('devServerUiUrl').replace('//localhost:', '//127.0.0.1:');
    app = buildApi({
      pool,
      temporal: env.client,
      apiToken: TOKEN,
      taskQueue: uniqueTaskQueue('codec-session-ui'),
      codecCorsOrigins: [uiUrl],
      codecAuth: 'cookie',
    });
    const api = await app.listen({ host: '127.0.0.1', port: 0 });
    // No worker: the start event alone holds the input, encrypted by the client's codec.
    const handle = await env.client.workflow.start('codecSessionProbe', {
      taskQueue: uniqueTaskQueue('codec-session-ui'),
      workflowId: `codec-session-ui-${Date.now()}`,
      args: [{ street1: '417 Montgomery St' }],
    });
    try {
      const context = await newUiContext(browser, uiUrl, { codecs: [], codecServer: `${api}/codec` });
      context.setDefaultTimeout(20_000);
      const page = await context.newPage();
      const codecCall = () =>
        page.waitForResponse((response) => {
          const url = new URL(response.url());
          return url.origin === api && url.pathname === '/codec/decode';
        });

      // Before signing in, the UI's calls carry no session: refused.
      const refused = codecCall();
      await page.goto(workflowUrl(uiUrl, handle.workflowId), { waitUntil: 'domcontentloaded' });
      expect((await refused).status()).toBe(401);

      await page.goto(`${api}/codec/session`);
      await page.getByLabel('API token').fill(TOKEN);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByText('holds a codec session until').waitFor();

      const decoded = codecCall();
      await page.goto(workflowUrl(uiUrl, handle.workflowId), { waitUntil: 'domcontentloaded' });
      expect((await decoded).status()).toBe(200);
      await page.getByText('"417 Montgomery St"').first().waitFor();
      await context.close();
    } finally {
      await handle.terminate('test done');
    }
  }, 90_000);
});
