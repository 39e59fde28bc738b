import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { actOnSchedule, listSchedules, SCHEDULE_ID_EXAMPLES, type ScheduleAction } from '../operations/schedules';
import type { ApiDeps } from './app';
import { pageQuery } from './paging';
import { listRoute } from './resource-routes';
import { route } from './route';

const scheduleSchema = z.object({
  id: z.string(),
  paused: z.boolean(),
  next: z.string().optional(),
  workflow: z.string().optional(),
});

// Temporal refuses longer notes ("Schedule notes exceeds limit", its ID length limit, 1000 bytes by default).
const MAX_NOTE_BYTES = 1000;
const noteSchema = z
  .string()
  .min(1)
  .refine((note) => Buffer.byteLength(note) <= MAX_NOTE_BYTES, `must be at most ${MAX_NOTE_BYTES} bytes`);

const SUMMARIES: Record<ScheduleAction, string> = {
  trigger: 'run a schedule now, whatever its interval',
  pause: 'stop a schedule until resumed',
  resume: 'restart a paused schedule',
};

/** GET /schedules and POST /schedules/:id/trigger|pause|resume, as `epf schedules list|trigger|pause|resume`. */
export function registerScheduleRoutes(app: FastifyInstance, deps: ApiDeps): void {
  const resource = { name: 'schedules', noun: 'schedule', schema: scheduleSchema };

  listRoute(app, resource, { summary: 'every schedule with its state and next run, by ID', query: pageQuery }, () =>
    listSchedules(deps.temporal),
  );

  for (const [verb, summary] of Object.entries(SUMMARIES) as [ScheduleAction, string][]) {
    route(
      app,
      'POST',
      `/schedules/:id/${verb}`,
      {
        tag: resource.name,
        summary,
        params: z.strictObject({ id: z.string().min(1).describe(SCHEDULE_ID_EXAMPLES) }),
        body: z.strictObject({ note: noteSchema.optional().describe('why, shown in the Web UI') }).default({}),
        responses: {
          202: { description: 'done', schema: z.object({ id: z.string(), done: z.string() }) },
          404: 'no such schedule',
        },
      },
      async ({ params: { id }, body }, reply) => {
        await actOnSchedule(deps.temporal, id, verb, body.note ?? `${verb} by the API`);
        return reply.code(202).send({ id, done: verb });
      },
    );
  }
}
