import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { logger } from '../logger';
import { transcodeJson } from '../temporal/codec/codec-json';
import type { ApiDeps } from './app';
import type { RouteDoc } from './route';

const CODEC_PATH = '/codec';

// Payloads as proto3 JSON, metadata values and data in base64 (docs.temporal.io/production-deployment/data-encryption).
const base64 = z.base64();
const bodySchema = z.object({
  payloads: z.array(z.object({ metadata: z.record(z.string(), base64).nullish(), data: base64.nullish() }).loose()),
});

const log = logger.child({ component: 'codec-server' });

/**
 * The Temporal codec server protocol for the Web UI and `temporal --codec-endpoint`: `POST /codec/encode` and
 * `POST /codec/decode`, with CORS for the UI's origins (preflights pass without the token, see auth.ts).
 */
export function registerCodecRoutes(
  app: FastifyInstance,
  deps: Pick<ApiDeps, 'temporal' | 'codecCorsOrigins' | 'codecAuth'>,
): void {
  // The API client's own codecs: the endpoint decodes exactly what the API and its worker encode.
  const codecs = deps.temporal.options.loadedDataConverter.payloadCodecs;
  const allowed = new Set(deps.codecCorsOrigins);
  const allowedOrigin = (request: FastifyRequest) =>
    request.headers.origin !== undefined && allowed.has(request.headers.origin) ? request.headers.origin : undefined;
  const routeOptions = {
    // CODEC_AUTH=loopback: calls from this machine need no token, as the local Web UI cannot send the API_TOKEN.
    config: { loopbackWithoutToken: deps.codecAuth === 'loopback' },
    // onSend, not onRequest: it also runs on the 401 of the auth hook, so the UI can read why a call failed.
    onSend: async (request: FastifyRequest, reply: FastifyReply) => {
      const origin = allowedOrigin(request);
      if (!origin) return;
      void reply
        .header('Access-Control-Allow-Origin', origin)
        .header('Access-Control-Allow-Credentials', 'true')
        .header('Vary', 'Origin');
    },
  };

  for (const action of ['encode', 'decode'] as const) {
    const url = `${CODEC_PATH}/${action}`;
    app.options(url, routeOptions, async (request, reply) => {
      if (!allowedOrigin(request)) return reply.code(403).send({ error: 'origin not allowed (CODEC_CORS_ORIGINS)' });
      return reply
        .code(204)
        .header('Access-Control-Allow-Methods', 'POST, OPTIONS')
        .header('Access-Control-Allow-Headers', 'Authorization, Content-Type, X-Namespace')
        .header('Access-Control-Max-Age', '600')
        .send();
    });
    const doc: RouteDoc = {
      summary: `${action === 'encode' ? 'Encrypt' : 'Decrypt'} Temporal payloads (codec server protocol, for the Web UI)`,
      tag: 'codec',
      body: bodySchema,
      responses: {
        200: `the payloads, ${action}d`,
        400: 'not a payloads body',
        422: 'a payload could not be decrypted',
      },
    };
    app.post(url, { ...routeOptions, config: { ...routeOptions.config, doc } }, async (request, reply) => {
      const body = bodySchema.safeParse(request.body);
      if (!body.success) return reply.code(400).send({ error: `invalid body: ${body.error.issues[0]?.message}` });
      try {
        return { payloads: await transcodeJson(codecs, action, body.data.payloads) };
      } catch (err) {
        const error = err instanceof Error ? err.message : String(err);
        log.warn({ error, action, namespace: request.headers['x-namespace'] }, 'Codec request failed');
        return reply.code(422).send({ error });
      }
    });
  }
}
