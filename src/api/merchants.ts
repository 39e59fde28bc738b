import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { createMerchantStore } from '../db/merchants';
import { cartOrderSchema } from '../domain/order';
import { merchantSettingsSchema } from '../domain/merchant-settings';
import { addMerchant, updateMerchant } from '../operations/merchants';
import type { ApiDeps } from './app';
import { operationDeps } from './operation-deps';
import { page, pageQuery } from './paging';
import { patchOf } from './patch';
import { ApiError, route } from './route';
import { changesSchema, reconcileResultSchema } from './schedules';

const modeSchema = z.enum(['test', 'production']);

/** A merchant as the API shows it: which keys are set, never the keys. */
export const merchantSchema = z.object({
  id: z.string(),
  name: z.string(),
  mode: modeSchema,
  hasTestKey: z.boolean(),
  hasProductionKey: z.boolean(),
  settings: merchantSettingsSchema,
});

const params = z.strictObject({ id: z.string().min(1) });

const keySchema = (mode: string) =>
  z.string().trim().min(1).optional().describe(`the EasyPost ${mode} API key; stored encrypted, never answered`);

/** A new merchant, as `epf merchants add` takes it; keys in the body, since the API has no files or prompts. */
const newMerchantSchema = z.strictObject({
  id: cartOrderSchema.shape.merchantId.describe('merchant ID, a lowercase slug'),
  name: z.string().trim().min(1).describe('display name'),
  mode: modeSchema.optional().describe('which key orders use (default: test); refused without that key'),
  testKey: keySchema('test'),
  productionKey: keySchema('production'),
  settings: patchOf(merchantSettingsSchema).optional().describe('the settings to change from their defaults'),
});

/** GET /merchants, GET /merchants/:id, POST /merchants and PATCH /merchants/:id, as `epf merchants show|add|set`. */
export function registerMerchantRoutes(app: FastifyInstance, deps: ApiDeps): void {
  const merchants = createMerchantStore(deps.pool);
  const operations = operationDeps(deps);
  const tag = 'merchants';

  route(
    app,
    'GET',
    '/merchants',
    {
      tag,
      summary: 'every merchant, by ID',
      query: pageQuery,
      responses: {
        200: {
          description: 'one page',
          schema: z.object({ merchants: z.array(merchantSchema), nextCursor: z.string().optional() }),
        },
      },
    },
    async ({ query }) => {
      const { items, nextCursor } = page(await merchants.list(), (merchant) => merchant.id, query);
      return { merchants: items, nextCursor };
    },
  );

  route(
    app,
    'GET',
    '/merchants/:id',
    {
      tag,
      summary: 'a merchant: settings, mode and which keys are set',
      params,
      responses: { 200: { description: 'the merchant', schema: merchantSchema }, 404: 'no such merchant' },
    },
    async ({ params: { id } }) => (await merchants.get(id)) ?? notFound(id),
  );

  route(
    app,
    'POST',
    '/merchants',
    {
      tag,
      summary: 'add a merchant, as epf merchants add; its pickup schedules start at once',
      body: newMerchantSchema,
      responses: {
        201: {
          description: 'the merchant (which keys are set, never the keys) and the schedules it got',
          schema: z.object({ merchant: merchantSchema, schedules: reconcileResultSchema }),
        },
        409: 'the merchant exists (change it with PATCH), or it has no key for the mode asked',
      },
    },
    async ({ body }, reply) => {
      const { merchant, schedules } = await addMerchant(operations, body, { onlyNew: true });
      return reply.code(201).send({ merchant, schedules });
    },
  );

  route(
    app,
    'PATCH',
    '/merchants/:id',
    {
      tag,
      summary: 'change the given settings and mode; audited (actor api), schedules reconciled at once',
      params,
      body: z.strictObject({ mode: modeSchema.optional(), settings: patchOf(merchantSettingsSchema).optional() }),
      responses: {
        200: {
          description: 'the merchant, the changed fields and the schedules reconciling changed',
          schema: z.object({ merchant: merchantSchema, changes: changesSchema, schedules: reconcileResultSchema }),
        },
        404: 'no such merchant',
        409: 'the merchant has no EasyPost key for that mode',
      },
    },
    async ({ params: { id }, body }) => {
      const { merchant, changes, schedules } = (await updateMerchant(operations, id, body)) ?? notFound(id);
      return { merchant, changes, schedules };
    },
  );
}

function notFound(id: string): never {
  throw new ApiError(404, `merchant ${id} does not exist`);
}
