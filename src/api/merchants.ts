import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { createMerchantStore } from '../db/merchants';
import { merchantSettingsSchema } from '../merchants/settings';
import { inventoryPickupScheduleId } from '../../workflows/definitions';
import type { ApiDeps } from './app';
import { page, pageQuery } from './paging';
import { patchOf } from './patch';
import { ApiError, route } from './route';
import { changesSchema, reconcileAfter, reconcileResultSchema } from './schedules';

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

/** GET /merchants, GET /merchants/:id and PATCH /merchants/:id, as `epf merchants show|set`. */
export function registerMerchantRoutes(app: FastifyInstance, deps: ApiDeps): void {
  const merchants = createMerchantStore(deps.pool);
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
      const current = (await merchants.get(id)) ?? notFound(id);
      const { mode } = body;
      // The store refuses this too, inside its transaction; checked first so it is a 409, not a 500.
      if (mode && mode !== current.mode && !(mode === 'test' ? current.hasTestKey : current.hasProductionKey)) {
        throw new ApiError(409, `merchant ${id} has no EasyPost ${mode} key: set it with epf merchants add`);
      }
      const { merchant, changes } = (await merchants.update(id, body, 'api')) ?? notFound(id);
      const schedules = await reconcileAfter(deps, changes);
      // Stock and warehouses of the new world, at once: orders are routed by the latest snapshot.
      if (Object.hasOwn(changes.after, 'mode')) {
        await deps.temporal.schedule.getHandle(inventoryPickupScheduleId(id)).trigger();
      }
      return { merchant, changes, schedules };
    },
  );
}

function notFound(id: string): never {
  throw new ApiError(404, `merchant ${id} does not exist`);
}
