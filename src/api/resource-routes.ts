// What every listed resource (merchants, carts, schedules) answers alike: a page in ID order, one by ID, a 404; and
// how the configuration (merchants, carts) is added and changed, its schedules following at once.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { page, type pageQuery } from './paging';
import { ApiError, route } from './route';

/** A resource under `/<name>`, tagged `<name>` and listed as `{<name>: [...]}`; one item is a `<noun>` in errors. */
export interface Resource {
  name: string;
  noun: string;
  /** One item as answered; the handlers answer what the stores give, this documents it. */
  schema: z.ZodType;
}

type Item = { id: string };

/** The schedules reconciling created, updated and deleted, by ID. */
const reconcileResultSchema = z.object({
  created: z.array(z.string()),
  updated: z.array(z.string()),
  deleted: z.array(z.string()),
});

/** The fields a PATCH changed, with their values before and after (as the audit row records them). */
const changesSchema = z.object({
  before: z.record(z.string(), z.unknown()),
  after: z.record(z.string(), z.unknown()),
});

/** What adding or changing answers besides the 2xx: status → description. */
type ErrorResponses = Record<number, string>;

/** The path of one item. */
const idParams = z.strictObject({ id: z.string().min(1) });

/** `GET /<name>`: one page of `items` (those the query selects) in ID order, and the cursor of the next. */
export function listRoute<Q extends typeof pageQuery>(
  app: FastifyInstance,
  { name, schema }: Resource,
  { summary, query }: { summary: string; query: Q },
  items: (query: z.output<Q>) => Promise<Item[]>,
): void {
  route(
    app,
    'GET',
    `/${name}`,
    {
      tag: name,
      summary,
      query,
      responses: {
        200: {
          description: 'one page',
          schema: z.object({ [name]: z.array(schema), nextCursor: z.string().optional() }),
        },
      },
    },
    async ({ query: parsed }) => {
      const { items: shown, nextCursor } = page(await items(parsed as z.output<Q>), (item) => item.id, parsed);
      return { [name]: shown, nextCursor };
    },
  );
}

/** `GET /<name>/:id`: the item `find` finds, or 404. */
export function getRoute(
  app: FastifyInstance,
  resource: Resource,
  { summary, description }: { summary: string; description: string },
  find: (id: string) => Promise<Item | undefined>,
): void {
  route(
    app,
    'GET',
    `/${resource.name}/:id`,
    {
      tag: resource.name,
      summary,
      params: idParams,
      responses: { 200: { description, schema: resource.schema }, 404: `no such ${resource.noun}` },
    },
    async ({ params: { id } }) => (await find(id)) ?? notFound(resource, id),
  );
}

/** The fields of an operation's result that the answer's schema names, in its order; the rest (`created`) stays out. */
function answer(result: object, fields: string[]): Record<string, unknown> {
  return Object.fromEntries(fields.map((field) => [field, (result as Record<string, unknown>)[field]]));
}

/** `POST /<name>`: adds an item, answered 201 as `{<noun>, schedules}`, the schedules reconciling changed. */
export function addRoute<B extends z.ZodType>(
  app: FastifyInstance,
  resource: Resource,
  doc: { summary: string; body: B; created: string; errors: ErrorResponses },
  add: (body: z.output<B>) => Promise<object>,
): void {
  route(
    app,
    'POST',
    `/${resource.name}`,
    {
      tag: resource.name,
      summary: doc.summary,
      body: doc.body,
      responses: {
        201: {
          description: doc.created,
          schema: z.object({ [resource.noun]: resource.schema, schedules: reconcileResultSchema }),
        },
        ...doc.errors,
      },
    },
    async ({ body }, reply: FastifyReply) =>
      reply.code(201).send(answer(await add(body as z.output<B>), [resource.noun, 'schedules'])),
  );
}

/** `PATCH /<name>/:id`: changes the given fields of an item, answered as `{<noun>, changes, schedules}`, or 404. */
export function updateRoute<B extends z.ZodType>(
  app: FastifyInstance,
  resource: Resource,
  doc: { summary: string; body: B; updated: string; errors?: ErrorResponses },
  update: (id: string, body: z.output<B>) => Promise<object | undefined>,
): void {
  route(
    app,
    'PATCH',
    `/${resource.name}/:id`,
    {
      tag: resource.name,
      summary: doc.summary,
      params: idParams,
      body: doc.body,
      responses: {
        200: {
          description: doc.updated,
          schema: z.object({
            [resource.noun]: resource.schema,
            changes: changesSchema,
            schedules: reconcileResultSchema,
          }),
        },
        404: `no such ${resource.noun}`,
        ...doc.errors,
      },
    },
    async ({ params: { id }, body }) => {
      const updated = (await update(id, body as z.output<B>)) ?? notFound(resource, id);
      return answer(updated, [resource.noun, 'changes', 'schedules']);
    },
  );
}

/** The 404 of an item that does not exist: `cart acme-shop does not exist`. */
function notFound(resource: Pick<Resource, 'noun'>, id: string): never {
  throw new ApiError(404, `${resource.noun} ${id} does not exist`);
}
