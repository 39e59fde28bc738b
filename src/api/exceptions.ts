import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { thresholdSchemas } from '../domain/exceptions';
import { findExceptions } from '../exceptions/find-exceptions';
import type { ApiDeps } from './app';
import { ApiError, route } from './route';

// A query parameter is text: read as a number, then held to the threshold's bounds.
const threshold = (schema: z.ZodNumber, description: string) =>
  z.coerce.number().pipe(schema).optional().describe(description);

const query = z.strictObject({
  merchant: z.string().min(1).optional().describe('only this merchant'),
  holdDays: threshold(thresholdSchemas.holdDays, 'on hold for more than this many days (default 3)'),
  stuckHours: threshold(
    thresholdSchemas.stuckHours,
    'received past its delivery time, or sending, for more than this many hours (default 1)',
  ),
  wmsDays: threshold(
    thresholdSchemas.wmsDays,
    'at the warehouse without shipping for more than this many days (default 7)',
  ),
});

/** GET /exceptions: what needs a person, as `epf exceptions --json`. */
export function registerExceptionRoutes(app: FastifyInstance, deps: ApiDeps): void {
  route(
    app,
    'GET',
    '/exceptions',
    {
      tag: 'exceptions',
      summary: 'every order and merchant that needs a person, with the reason and the command that fixes it',
      query,
      responses: { 200: 'the exceptions, merchants first, then orders oldest first', 404: 'no such merchant' },
    },
    async ({ query: { merchant, ...thresholds } }) => {
      const exceptions = await findExceptions(deps.pool, { merchantId: merchant, thresholds });
      if (!exceptions) throw new ApiError(404, `merchant ${merchant} does not exist`);
      return { exceptions };
    },
  );
}
