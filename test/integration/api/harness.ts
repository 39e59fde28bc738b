import type { Client } from '@temporalio/client';
import type { FastifyInstance } from 'fastify';
import type { Pool } from 'pg';
import { buildApi } from '../../../src/api/app';
import { SecretBox } from '../../../src/crypto/secret-box';
import { TEST_SECRET_KEY } from '../../helpers/database';

export const TOKEN = 'test-token-'.padEnd(40, 'x');

export interface Answer {
  status: number;
  // Responses are read loosely; the assertions do the checking.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

export interface RunningApi {
  app: FastifyInstance;
  baseUrl: string;
  call(method: string, url: string, options?: { body?: unknown; token?: string | null }): Promise<Answer>;
}

/**
 * The API on an ephemeral port, called over real HTTP (fastify's inject needs an ESM-only package Jest cannot load
 * on Node 20).
 */
export async function startApi(deps: { pool: Pool; temporal: Client; taskQueue: string }): Promise<RunningApi> {
  const app = buildApi({ ...deps, apiToken: TOKEN, secretBox: new SecretBox(TEST_SECRET_KEY) });
  const baseUrl = await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    app,
    baseUrl,
    async call(method, url, { body, token = TOKEN } = {}) {
      const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
      if (body !== undefined) headers['content-type'] = 'application/json';
      const response = await fetch(`${baseUrl}${url}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : undefined };
    },
  };
}
