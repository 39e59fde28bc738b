import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { createMerchantStore } from '../db/merchants';
import { cartOrderSchema } from '../domain/order';
import { merchantSettingsSchema } from '../domain/merchant-settings';
import { addMerchant, updateMerchant } from '../operations/merchants';
import type { ApiDeps } from './app';
import { operationDeps } from './operation-deps';
import { pageQuery } from './paging';
import { patchOf } from './patch';
import { addRoute, getRoute, listRoute, updateRoute, type Resource } from './resource-routes';

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

const resource: Resource = { name: 'merchants', noun: 'merchant', schema: merchantSchema };

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

  listRoute(app, resource, { summary: 'every merchant, by ID', query: pageQuery }, () => merchants.list());
  getRoute(
    app,
    resource,
    { summary: 'a merchant: settings, mode and which keys are set', description: 'the merchant' },
    (id) => merchants.get(id),
  );

  addRoute(
    app,
    resource,
    {
      summary: 'add a merchant, as epf merchants add; its pickup schedules start at once',
      body: newMerchantSchema,
      created: 'the merchant (which keys are set, never the keys) and the schedules it got',
      errors: { 409: 'the merchant exists (change it with PATCH), or it has no key for the mode asked' },
    },
    (body) => addMerchant(operations, body, { onlyNew: true }),
  );
  updateRoute(
    app,
    resource,
    {
      summary: 'change the given settings and mode; audited (actor api), schedules reconciled at once',
      body: z.strictObject({ mode: modeSchema.optional(), settings: patchOf(merchantSettingsSchema).optional() }),
      updated: 'the merchant, the changed fields and the schedules reconciling changed',
      errors: { 409: 'the merchant has no EasyPost key for that mode' },
    },
    (id, body) => updateMerchant(operations, id, body),
  );
}
