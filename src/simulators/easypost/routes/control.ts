import type { FastifyInstance } from 'fastify';
import { basicControlRoutes, type WithId } from '../../shared/control-routes';
import type { EasyPostSimControl } from '../control';
import {
  apiKeyQuerySchema,
  type AccountInput,
  type AdvanceInput,
  type SeedInput,
  type SettingsInput,
  type StockInput,
  type TrackerStatusInput,
} from '../control-schemas';
import { parseInput } from '../validation';

/**
 * `/__sim/`: the control API (ours, not EasyPost's). JSON in and out, no auth.
 * Bodies go to the typed control unchecked: it validates them and names bad fields.
 */
export function controlRoutes(app: FastifyInstance, control: EasyPostSimControl): void {
  basicControlRoutes(app, control);

  app.post<{ Body: AccountInput | undefined }>('/accounts', async (request, reply) =>
    reply.code(201).send(control.createAccount(request.body ?? {})),
  );
  app.post<{ Body: SeedInput }>('/seed', async (request, reply) => reply.code(201).send(control.seed(request.body)));
  app.post<{ Body: StockInput }>('/stock', async (request) => control.setStock(request.body));

  app.get('/orders', async (request) => ({
    orders: control.orders(parseInput(apiKeyQuerySchema, request.query, undefined, 'REQUEST.QUERY.INVALID').api_key),
  }));
  app.post<WithId & { Body: AdvanceInput }>('/orders/:id/advance', async (request) =>
    control.advanceOrder(request.params.id, request.body),
  );
  app.post<WithId & { Body: TrackerStatusInput }>('/trackers/:id/status', async (request) =>
    control.setTrackerStatus(request.params.id, request.body),
  );

  app.post<{ Body: SettingsInput | undefined }>('/settings', async (request) => control.configure(request.body ?? {}));
  app.get('/webhooks', async () => ({ deliveries: control.webhookDeliveries() }));
  app.get('/fault-counts', async () => ({ counts: control.faultCounts() }));
}
