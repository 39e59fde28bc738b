import { ScheduleNotFoundError, type ScheduleHandle } from '@temporalio/client';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ApiDeps } from './app';
import { page, pageQuery } from './paging';
import { ApiError, route } from './route';

export const reconcileResultSchema = z.object({
  created: z.array(z.string()),
  updated: z.array(z.string()),
  deleted: z.array(z.string()),
});

/** The fields a PATCH changed, with their values before and after (as the audit row records them). */
export const changesSchema = z.object({
  before: z.record(z.string(), z.unknown()),
  after: z.record(z.string(), z.unknown()),
});

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

const ACTIONS = {
  trigger: { summary: 'run a schedule now, whatever its interval', run: (handle) => handle.trigger() },
  pause: { summary: 'stop a schedule until resumed', run: (handle, note) => handle.pause(note) },
  resume: { summary: 'restart a paused schedule', run: (handle, note) => handle.unpause(note) },
} satisfies Record<string, { summary: string; run: (handle: ScheduleHandle, note: string) => Promise<void> }>;

/** GET /schedules and POST /schedules/:id/trigger|pause|resume, as `epf schedules list|trigger|pause|resume`. */
export function registerScheduleRoutes(app: FastifyInstance, deps: ApiDeps): void {
  const tag = 'schedules';

  route(
    app,
    'GET',
    '/schedules',
    {
      tag,
      summary: 'every schedule with its state and next run, by ID',
      query: pageQuery,
      responses: {
        200: {
          description: 'one page',
          schema: z.object({ schedules: z.array(scheduleSchema), nextCursor: z.string().optional() }),
        },
      },
    },
    async ({ query }) => {
      const all: z.infer<typeof scheduleSchema>[] = [];
      for await (const schedule of deps.temporal.schedule.list()) {
        all.push({
          id: schedule.scheduleId,
          paused: schedule.state.paused,
          next: schedule.info.nextActionTimes[0]?.toISOString(),
          workflow: schedule.action?.type === 'startWorkflow' ? schedule.action.workflowType : undefined,
        });
      }
      const { items, nextCursor } = page(all, (schedule) => schedule.id, query);
      return { schedules: items, nextCursor };
    },
  );

  for (const [verb, { summary, run }] of Object.entries(ACTIONS)) {
    route(
      app,
      'POST',
      `/schedules/:id/${verb}`,
      {
        tag,
        summary,
        params: z.strictObject({ id: z.string().min(1).describe('e.g. pull:acme-shop or shipments:acme') }),
        body: z.strictObject({ note: noteSchema.optional().describe('why, shown in the Web UI') }).default({}),
        responses: {
          202: { description: 'done', schema: z.object({ id: z.string(), done: z.string() }) },
          404: 'no such schedule',
        },
      },
      async ({ params: { id }, body }, reply) => {
        try {
          await run(deps.temporal.schedule.getHandle(id), body.note ?? `${verb} by the API`);
        } catch (err) {
          if (err instanceof ScheduleNotFoundError) throw new ApiError(404, `schedule ${id} does not exist`);
          throw err;
        }
        return reply.code(202).send({ id, done: verb });
      },
    );
  }
}
