import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { fieldPath, plainErrors } from '../domain/problems';
import { logger } from '../logger';
import { OperationError } from '../operations/errors';
import { WorkflowCallError } from '../orders/workflow-call';
import { NUL_MESSAGE, nulField } from './nul-free';

/** What the OpenAPI document says about a route; its zod schemas also validate the request, so the two agree. */
export interface RouteDoc {
  summary: string;
  tag: string;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** Status → description, with the JSON body's schema when it is worth stating. */
  responses: Record<number, string | { description: string; schema: z.ZodType }>;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    doc?: RouteDoc;
  }
}

/** A failure with its HTTP status, answered `{error}`: not found, conflict. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly statusCode: number,
    message: string,
  ) {
    super(message);
  }
}

/** The 400 and every other error's body. */
export const errorSchema = z.object({
  error: z.string(),
  issues: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
});

type RequestPart = 'path' | 'query' | 'body';

/** One issue per bad field, each naming it as operators read it (`lines[0].sku`, an unknown `colour`). */
export function badRequest(part: RequestPart, error: z.ZodError): z.infer<typeof errorSchema> {
  return {
    error: `invalid ${part}`,
    issues: error.issues.flatMap((issue) =>
      issue.code === 'unrecognized_keys'
        ? issue.keys.map((key) => ({
            // An empty key (`?=1`) has no name of its own: it is named by the part it is in.
            field: fieldPath([...issue.path, key]) || part,
            message: key ? `unknown ${part} field` : `unknown ${part} field ""`,
          }))
        : [{ field: fieldPath(issue.path) || part, message: issue.message }],
    ),
  };
}

type Parsed<D, K extends string> = D extends { [key in K]: infer S extends z.ZodType } ? z.output<S> : undefined;

export interface RouteInput<D extends RouteDoc> {
  params: Parsed<D, 'params'>;
  query: Parsed<D, 'query'>;
  body: Parsed<D, 'body'>;
}

const log = logger.child({ component: 'api' });

/**
 * Registers a route whose params, query and body are parsed with the doc's zod schemas (400 naming each bad field)
 * and whose ApiError, OperationError and WorkflowCallError become their status; the doc rides along in the route's config for
 * openapi.ts.
 */
export function route<const D extends RouteDoc>(
  app: FastifyInstance,
  method: 'GET' | 'POST' | 'PATCH' | 'PUT',
  url: string,
  doc: D,
  handler: (input: RouteInput<D>, reply: FastifyReply) => Promise<unknown>,
): void {
  const parts: [RequestPart, 'params' | 'query' | 'body', z.ZodType | undefined][] = [
    ['path', 'params', doc.params],
    ['query', 'query', doc.query],
    ['body', 'body', doc.body],
  ];
  app.route({
    method,
    url,
    config: { doc },
    handler: async (request, reply) => {
      const input: Record<string, unknown> = {};
      for (const [part, key, schema] of parts) {
        if (!schema) continue;
        const nul = nulField(request[key]);
        if (nul !== undefined) {
          return reply
            .code(400)
            .send({ error: `invalid ${part}`, issues: [{ field: nul || part, message: NUL_MESSAGE }] });
        }
        const parsed = schema.safeParse(request[key], { error: plainErrors });
        if (!parsed.success) return reply.code(400).send(badRequest(part, parsed.error));
        input[key] = parsed.data;
      }
      try {
        return await handler(input as unknown as RouteInput<D>, reply);
      } catch (err) {
        // A bad field the operation found (beyond the schema) is answered as the schema's are.
        if (err instanceof OperationError && err.kind === 'invalid' && err.field !== undefined) {
          return reply.code(400).send({ error: 'invalid body', issues: [{ field: err.field, message: err.message }] });
        }
        const statusCode = statusOf(err);
        if (statusCode === undefined) {
          // fastify answers 500; the API's fastify logs nothing, so say what broke here.
          log.error({ err, method, url: request.url }, 'API route failed');
          throw err;
        }
        return reply.code(statusCode).send({ error: (err as Error).message });
      }
    },
  });
}

const OPERATION_STATUS = { 'not found': 404, conflict: 409, invalid: 400 } as const;

// A workflow that has finished or refused is a conflict with its state; no worker is a gateway timeout.
function statusOf(err: unknown): number | undefined {
  if (err instanceof ApiError) return err.statusCode;
  if (err instanceof OperationError) return OPERATION_STATUS[err.kind];
  if (err instanceof WorkflowCallError) return err.kind === 'no worker' ? 504 : 409;
  return undefined;
}
