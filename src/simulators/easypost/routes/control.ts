import type { FastifyInstance } from 'fastify';
import type { EasyPostSimControl } from '../control';
import {
  apiKeyQuerySchema,
  type AccountInput,
  type AdvanceInput,
  type FaultInput,
  type SeedInput,
  type SettingsInput,
  type StockInput,
  type TrackerStatusInput,
} from '../control-schemas';
import { parseInput } from '../validation';

type WithId = { Params: { id: string } };

/**
 * `/__sim/`: the control API (ours, not EasyPost's). JSON in and out, no auth.
 * Bodies go to the typed control unchecked: it validates them and names bad fields.
 */
export function controlRoutes(app: FastifyInstance, control: EasyPostSimControl): void {
  app.post('/reset', async () => {
    control.reset();
    return { ok: true };
  });

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

  app.get('/requests', async () => ({ requests: control.requests() }));
  app.delete('/requests', async () => {
    control.clearRequests();
    return { ok: true };
  });

  app.post<{ Body: FaultInput }>('/faults', async (request, reply) =>
    reply.code(201).send(control.addFault(request.body)),
  );
  app.delete('/faults', async () => {
    control.clearFaults();
    return { ok: true };
  });
  app.delete<WithId>('/faults/:id', async (request) => {
    control.removeFault(request.params.id);
    return { ok: true };
  });

  app.post<{ Body: SettingsInput | undefined }>('/settings', async (request) => control.configure(request.body ?? {}));
  app.get('/webhooks', async () => ({ deliveries: control.webhookDeliveries() }));
}
