import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Pool } from 'pg';
import { createTestPool } from '../../helpers/database';
import { connectDevServer, uniqueTaskQueue } from '../../helpers/temporal';
import { startApi, type RunningApi } from './harness';

const PUBLIC = [
  '/healthz',
  '/openapi.json',
  '/webhooks/easypost',
  '/webhooks/carts/{cartId}/woocommerce',
  '/webhooks/carts/{cartId}/shopify/fulfillment_order_notification',
];
let env: TestWorkflowEnvironment;
let pool: Pool;
let api: RunningApi;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
let document: any;

beforeAll(async () => {
  [env, pool] = [await connectDevServer(), createTestPool()];
  api = await startApi({ pool, temporal: env.client, taskQueue: uniqueTaskQueue('api-openapi') });
  const answer = await api.call('GET', '/openapi.json', { token: null });
  expect(answer.status).toBe(200);
  document = answer.body;
});

afterAll(async () => {
  await api?.app.close();
  await pool?.end();
  await env?.teardown();
});

const operations = (): [path: string, method: string, operation: { security?: unknown[] }][] =>
  Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item as Record<string, { security?: unknown[] }>).map(
      ([method, operation]) => [path, method, operation] as [string, string, { security?: unknown[] }],
    ),
  );

describe('the OpenAPI document', () => {
  it('is OpenAPI 3.1 with the bearer scheme, and every operation has responses and declares its path parameters', () => {
    expect(document.openapi).toBe('3.1.0');
    expect(document.components.securitySchemes.bearerAuth).toEqual(expect.objectContaining({ scheme: 'bearer' }));
    expect(document.security).toEqual([{ bearerAuth: [] }]);
    const operationIds = new Set<string>();
    for (const [path, method, operation] of operations()) {
      const { responses, parameters, operationId } = operation as {
        responses: Record<string, { description: string }>;
        parameters: { name: string; in: string }[];
        operationId: string;
      };
      expect(['get', 'post', 'put', 'patch', 'delete']).toContain(method);
      expect(Object.keys(responses).length).toBeGreaterThan(0);
      for (const response of Object.values(responses)) expect(response.description).toEqual(expect.any(String));
      const declared = parameters.filter((p) => p.in === 'path').map((p) => p.name);
      expect(declared.sort()).toEqual([...path.matchAll(/\{(\w+)\}/g)].map(([, name]) => name).sort());
      expect(operationIds.has(operationId)).toBe(false);
      operationIds.add(operationId);
    }
  });

  it('lists what the CLI does', () => {
    const listed = operations().map(([path, method]) => `${method.toUpperCase()} ${path}`);
    expect(listed).toEqual(
      expect.arrayContaining([
        'GET /merchants',
        'GET /merchants/{id}',
        'PATCH /merchants/{id}',
        'GET /carts',
        'GET /carts/{id}',
        'PATCH /carts/{id}',
        'GET /orders',
        'GET /orders/skipped',
        'GET /orders/{ref}',
        'POST /orders',
        'POST /orders/{ref}/cancel',
        'POST /orders/{ref}/retry',
        'POST /orders/{ref}/fix',
        'GET /inventory/{merchantId}',
        'GET /inventory/{merchantId}/carts/{cartId}',
        'GET /schedules',
        'POST /schedules/{id}/trigger',
        'POST /schedules/{id}/pause',
        'POST /schedules/{id}/resume',
        'PUT /aliases/{merchantId}/{sku}',
        'PUT /bundles/{merchantId}/{sku}',
        'PUT /ship-methods/{merchantId}/{method}',
        'GET /openapi.json',
        'GET /healthz',
      ]),
    );
    const patch = document.paths['/merchants/{id}'].patch;
    const settings = patch.requestBody.content['application/json'].schema.properties.settings;
    expect(settings.properties.shipmentPickupSeconds).toEqual(expect.objectContaining({ minimum: 30 }));
    // Only the fields given change: the PATCH body's fields have no defaults to fill in.
    for (const field of Object.values(settings.properties)) expect(field).not.toHaveProperty('default');
  });

  it('marks exactly /healthz, /openapi.json and the webhooks public', () => {
    const open = operations()
      .filter(([, , operation]) => operation.security?.length === 0)
      .map(([path]) => path);
    expect(open.sort()).toEqual([...PUBLIC].sort());
  });
});

describe('the bearer token', () => {
  it('is required by every operation the document does not mark public', async () => {
    const secured = operations().filter(([path]) => !PUBLIC.includes(path));
    expect(secured.length).toBeGreaterThan(20);
    for (const [path, method] of secured) {
      const url = path.replace(/\{(\w+)\}/g, 'x');
      for (const token of [null, 'wrong-token']) {
        const answer = await api.call(method.toUpperCase(), url, { token, body: method === 'get' ? undefined : {} });
        expect({ route: `${method} ${path}`, status: answer.status }).toEqual({
          route: `${method} ${path}`,
          status: 401,
        });
      }
    }
  });
});

describe('a bad request', () => {
  it.each([
    [
      'PATCH',
      '/merchants/m',
      { settings: { resendHour: 25, colour: 'red' } },
      ['settings.resendHour', 'settings.colour'],
    ],
    ['PATCH', '/merchants/m', { mode: 'live' }, ['mode']],
    ['PATCH', '/carts/c', { settings: { warehouseIds: ['nope'] } }, ['settings.warehouseIds[0]']],
    ['POST', '/orders', { merchantId: 'm', lines: [] }, ['cartId', 'shipTo', 'lines']],
    ['POST', '/orders/1001/cancel', {}, ['reason']],
    ['POST', '/orders/1001/fix', { shipTo: { zipcode: '1' } }, ['shipTo.zipcode']],
    ['POST', '/orders/1001/fix', {}, ['body']],
    ['PUT', '/bundles/m/PACK', { components: [{ barcode: 'b', units: 0 }] }, ['components[0].units']],
    ['GET', '/merchants?limit=5000&colour=red', undefined, ['limit', 'colour']],
    ['GET', '/orders?status=lost&limit=0', undefined, ['status', 'limit']],
  ])('%s %s %j is a 400 naming %j', async (method, url, body, fields) => {
    const answer = await api.call(method, url, { body });
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatch(/^invalid (body|query|path)$/);
    expect(answer.body.issues.map((issue: { field: string }) => issue.field)).toEqual(expect.arrayContaining(fields));
    for (const issue of answer.body.issues) expect(issue.message).toEqual(expect.any(String));
  });

  it('is refused above the 1 MiB body limit', async () => {
    const answer = await api.call('POST', '/orders', { body: { note: 'x'.repeat(1_100_000) } });
    expect(answer.status).toBe(413);
  });
});
