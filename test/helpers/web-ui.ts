import type { PayloadCodec } from '@temporalio/common';
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { transcodeJson, type JsonPayload } from '../../src/temporal/codec/codec-json';

/** Where a Chromium may be; scripts/bootstrap.mjs installs Debian's `chromium` and checks the same list. */
const CHROMIUM_CANDIDATES = [
  '/usr/lib/chromium/chromium',
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/google-chrome',
];

/** A Chromium to drive, or why there is none (the browser test skips itself with that reason). */
export function findChromium(): { path: string } | { missing: string } {
  const configured = process.env.EPF_CHROMIUM_PATH;
  if (configured) {
    return existsSync(configured)
      ? { path: configured }
      : { missing: `EPF_CHROMIUM_PATH=${configured} does not exist` };
  }
  const path = CHROMIUM_CANDIDATES.find((candidate) => existsSync(candidate));
  if (path) return { path };
  return {
    missing:
      'no Chromium found: run npm run bootstrap as root on Debian/Ubuntu, or install it ' +
      '(sudo apt-get install chromium fonts-liberation), or set EPF_CHROMIUM_PATH',
  };
}

/** Headless Chromium; Playwright passes --no-sandbox itself, which running as root (CI) needs. */
export function launchChromium(executablePath: string): Promise<Browser> {
  return chromium.launch({ executablePath, headless: true, timeout: 30_000 });
}

/**
 * A browser context on the Web UI that decodes our encrypted payloads (summaries, details, inputs) as an operator's
 * browser does through a codec server, with `codecs` answering in this process: the UI's settings are answered with
 * a codec endpoint on its own origin (`<uiUrl>/__epf-codec`, so no CORS), and those calls never reach the network.
 * With `codecServer` instead, the UI calls that real endpoint with the browser's cookies, as docker compose sets it
 * up (TEMPORAL_CODEC_ENDPOINT, TEMPORAL_CODEC_INCLUDE_CREDENTIALS=true).
 * The news feed (internet) is off; `collapseNav` gives the tables the width of the screen.
 */
export async function newUiContext(
  browser: Browser,
  uiUrl: string,
  options: { codecs: readonly PayloadCodec[]; codecServer?: string; collapseNav?: boolean },
): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const endpoint = `${uiUrl}/__epf-codec`;
  await context.route(`${uiUrl}/api/v1/settings*`, async (route) => {
    const response = await route.fetch();
    const settings = (await response.json()) as { Codec?: Record<string, unknown> } & Record<string, unknown>;
    if (options.codecs.length > 0) settings.Codec = { ...settings.Codec, Endpoint: endpoint };
    if (options.codecServer) {
      settings.Codec = { ...settings.Codec, Endpoint: options.codecServer, IncludeCredentials: true };
    }
    settings.DisableNewsFetch = true;
    if (options.collapseNav) settings.NavCollapsedByDefault = true;
    await route.fulfill({ response, json: settings });
  });
  if (options.codecs.length > 0) await routeCodec(context, endpoint, options.codecs);
  return context;
}

async function routeCodec(context: BrowserContext, endpoint: string, codecs: readonly PayloadCodec[]) {
  await context.route(`${endpoint}/*`, async (route) => {
    const action = new URL(route.request().url()).pathname.endsWith('/encode') ? 'encode' : 'decode';
    try {
      const { payloads } = route.request().postDataJSON() as { payloads: JsonPayload[] };
      await route.fulfill({ json: { payloads: await transcodeJson(codecs, action, payloads) } });
    } catch (err) {
      await route.fulfill({ status: 422, json: { error: String(err) } });
    }
  });
}

/** The Web UI's workflow list filtered by a visibility query, e.g. `CartOrderNumber = "#1001"`. */
export function workflowListUrl(uiUrl: string, query: string, namespace = 'default'): string {
  return `${uiUrl}/namespaces/${encodeURIComponent(namespace)}/workflows?query=${encodeURIComponent(query)}`;
}

/** The Web UI's page of one workflow's latest run. */
export function workflowUrl(uiUrl: string, workflowId: string, namespace = 'default'): string {
  return `${uiUrl}/namespaces/${encodeURIComponent(namespace)}/workflows/${encodeURIComponent(workflowId)}`;
}

/** The Web UI's schedules page. */
export function schedulesUrl(uiUrl: string, namespace = 'default'): string {
  return `${uiUrl}/namespaces/${encodeURIComponent(namespace)}/schedules`;
}

/**
 * Opens the workflow list for `query` and waits for the link to `workflowId`, reloading while visibility catches up
 * (the list does not refresh itself). Returns the link.
 */
export async function findWorkflowInList(
  page: Page,
  uiUrl: string,
  query: string,
  workflowId: string,
  timeoutMs = 20_000,
) {
  const link = page.getByRole('link', { name: workflowId, exact: true });
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await page.goto(workflowListUrl(uiUrl, query), { waitUntil: 'domcontentloaded' });
    try {
      await link.first().waitFor({ state: 'visible', timeout: 5_000 });
      return link.first();
    } catch (err) {
      if (Date.now() > deadline) {
        throw new Error(`workflow ${workflowId} not listed for ${query} after ${timeoutMs / 1000} s: ${String(err)}`);
      }
    }
  }
}
