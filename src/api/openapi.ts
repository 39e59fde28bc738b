import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { errorSchema, type RouteDoc } from './route';

export const OPENAPI_PATH = '/openapi.json';

interface SeenRoute {
  method: string;
  url: string;
  doc: RouteDoc | undefined;
}

type JsonSchema = Record<string, unknown>;

/**
 * Serves the OpenAPI 3.1 document of every route registered after this call, built from the zod schemas each
 * route validates with (route.ts), so the document cannot drift from what the API accepts. Call it first: fastify's
 * `onRoute` hook sees only routes added after it. A route registered without a doc is still listed, with its path
 * parameters, so nothing the API serves is missing from it.
 */
export function registerOpenApi(app: FastifyInstance, isPublic: (url: string) => boolean): void {
  const seen: SeenRoute[] = [];
  app.addHook('onRoute', (options) => {
    for (const method of [options.method].flat()) {
      // fastify adds a HEAD route to each GET, and OPTIONS routes answer CORS preflights: neither is an operation.
      if (method !== 'HEAD' && method !== 'OPTIONS')
        seen.push({ method: method.toLowerCase(), url: options.url, doc: options.config?.doc });
    }
  });
  let document: object | undefined;
  app.get(OPENAPI_PATH, async () => (document ??= openApiDocument(seen, isPublic)));
}

function openApiDocument(routes: SeenRoute[], isPublic: (url: string) => boolean) {
  const paths: Record<string, Record<string, object>> = {};
  for (const { method, url, doc } of routes) {
    const path = url.replace(/:(\w+)/g, '{$1}');
    (paths[path] ??= {})[method] = {
      operationId: `${method}${path.replace(/[{}]/g, '').replace(/[^A-Za-z0-9]+(.)?/g, (_, c: string = '') => c.toUpperCase())}`,
      ...(doc && { summary: doc.summary, tags: [doc.tag] }),
      parameters: [...pathParameters(url, doc?.params), ...parameters('query', doc?.query)],
      ...(doc?.body && {
        requestBody: {
          // A body every field of which may be left out may be left out itself (POST /schedules/:id/pause).
          required: !doc.body.safeParse(undefined).success,
          content: { 'application/json': { schema: jsonSchema(doc.body, 'input') } },
        },
      }),
      responses: responses(doc, isPublic(url)),
      // The document's default is the bearer token; public routes opt out.
      ...(isPublic(url) && { security: [] }),
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'epf admin API',
      version: '1',
      description: 'Operate epf over HTTP: what the epf CLI does (docs/operations.md, "Admin API").',
    },
    components: {
      securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', description: 'API_TOKEN' } },
      schemas: { Error: jsonSchema(errorSchema, 'output') },
    },
    security: [{ bearerAuth: [] }],
    paths,
  };
}

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  // Refinements (an IANA zone, "changes nothing") have no JSON Schema form: they are checked, not described.
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' });
  return rest;
}

function parameters(where: 'path' | 'query', schema: z.ZodObject | undefined): object[] {
  if (!schema) return [];
  const json = jsonSchema(schema, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    in: where,
    required: where === 'path' || (json.required ?? []).includes(name),
    schema: property,
  }));
}

// Every path parameter must be declared: from the route's schema when it has one, else as a plain string.
function pathParameters(url: string, schema: z.ZodObject | undefined): object[] {
  if (schema) return parameters('path', schema);
  return [...url.matchAll(/:(\w+)/g)].map(([, name]) => ({
    name,
    in: 'path',
    required: true,
    schema: { type: 'string' },
  }));
}

function responses(doc: RouteDoc | undefined, open: boolean): Record<string, object> {
  const error = (description: string) => ({
    description,
    content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
  });
  const out: Record<string, object> = {};
  for (const [status, response] of Object.entries(doc?.responses ?? { 200: 'see docs/operations.md' })) {
    const { description, schema } =
      typeof response === 'string' ? { description: response, schema: undefined } : response;
    out[status] =
      Number(status) >= 400
        ? error(description)
        : { description, ...(schema && { content: { 'application/json': { schema: jsonSchema(schema, 'output') } } }) };
  }
  if (doc && (doc.params || doc.query || doc.body))
    out[400] ??= error('a parameter or body field is invalid; each is named');
  if (!open) out[401] = error('missing or invalid bearer token');
  return out;
}
