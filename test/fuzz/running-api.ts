import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Pool } from 'pg';
import { buildApi } from '../../src/api/app';
import { SecretBox } from '../../src/crypto/secret-box';
import { createTestPool, TEST_SECRET_KEY } from '../helpers/database';
import { connectDevServer, uniqueTaskQueue } from '../helpers/temporal';
import { TOKEN } from '../integration/api/harness';

export const WEBHOOK_SECRET = 'whsec-fuzz-0123456789abcdef';

export interface FuzzApi {
  baseUrl: string;
  pool: Pool;
  /** One request with a raw body; the answer's status and JSON body (undefined when it is not JSON). */
  send(method: string, path: string, init?: { body?: string; headers?: Record<string, string> }): Promise<Answer>;
}

export interface Answer {
  status: number;
  body: { error?: string; issues?: { field: string; message: string }[] } | undefined;
}

/**
 * The admin API on an ephemeral port over the run's dev server and database, with no worker: every route validates
 * before it calls a workflow, so validation is what these files reach.
 */
export function runningApi(): FuzzApi {
  let env: TestWorkflowEnvironment;
  let close: () => Promise<void>;
  const api = { baseUrl: '', pool: undefined as unknown as Pool } as FuzzApi;

  beforeAll(async () => {
    [env, api.pool] = [await connectDevServer(), createTestPool()];
    const app = buildApi({
      pool: api.pool,
      temporal: env.client,
      apiToken: TOKEN,
      secretBox: new SecretBox(TEST_SECRET_KEY),
      taskQueue: uniqueTaskQueue('fuzz-api'),
      easyPostWebhookSecret: WEBHOOK_SECRET,
    });
    api.baseUrl = await app.listen({ host: '127.0.0.1', port: 0 });
    close = () => app.close();
  });

  afterAll(async () => {
    await close?.();
    await api.pool?.end();
    await env?.teardown();
  });

  api.send = async (method, path, { body, headers = {} } = {}) => {
    const response = await fetch(`${api.baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${TOKEN}`, ...headers },
      body,
    });
    const text = await response.text();
    let parsed: Answer['body'];
    try {
      parsed = JSON.parse(text) as Answer['body'];
    } catch {
      parsed = undefined;
    }
    return { status: response.status, body: parsed };
  };
  return api;
}
