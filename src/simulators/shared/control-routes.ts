/**
 * The `/__sim/` routes every simulator has: reset, the request log and fault rules. Each simulator registers its own
 * routes next to these. API: `BasicControl<F>`, `basicControlRoutes(app, control)`, `WithId`.
 */
import type { FastifyInstance } from 'fastify';
import type { RequestLogEntry } from './request-log';

/** Route params of `/…/:id` control routes. */
export type WithId = { Params: { id: string } };

/** What every typed control offers besides its own operations; `F` is its fault body, `K` its fault kinds. */
export interface BasicControl<F, K extends string = string> {
  reset(): void;
  requests(): RequestLogEntry<K>[];
  clearRequests(): void;
  addFault(input: F): { id: string };
  removeFault(id: string): void;
  clearFaults(): void;
}

/** Bodies go to the typed control unchecked: it validates them and names bad fields. */
export function basicControlRoutes<F>(app: FastifyInstance, control: BasicControl<F, string>): void {
  app.post('/reset', async () => {
    control.reset();
    return { ok: true };
  });

  app.get('/requests', async () => ({ requests: control.requests() }));
  app.delete('/requests', async () => {
    control.clearRequests();
    return { ok: true };
  });

  app.post('/faults', async (request, reply) => reply.code(201).send(control.addFault(request.body as F)));
  app.delete('/faults', async () => {
    control.clearFaults();
    return { ok: true };
  });
  app.delete<WithId>('/faults/:id', async (request) => {
    control.removeFault(request.params.id);
    return { ok: true };
  });
}
