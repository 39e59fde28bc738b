import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { logger } from '../logger';
import { transcodeJson } from '../temporal/codec/codec-json';
import type { ApiDeps } from './app';
import { CodecSessions, readCookie, SESSION_COOKIE } from './codec-session';
import { registerCodecSessionRoutes } from './codec-session-routes';
import type { RouteDoc } from './route';

const CODEC_PATH = '/codec';

// Payloads as proto3 JSON, metadata values and data in base64 (docs.temporal.io/production-deployment/data-encryption).
const base64 = z.base64();
const bodySchema = z.object({
  payloads: z.array(z.object({ metadata: z.record(z.string(), base64).nullish(), data: base64.nullish() }).loose()),
});

const log = logger.child({ component: 'codec-server' });

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/** How long a codec session lasts when ApiDeps do not say (CODEC_SESSION_HOURS' default). */
const DEFAULT_SESSION_SECONDS = 12 * 3600;

/**
 * The Temporal codec server protocol for the Web UI and `temporal --codec-endpoint`: `POST /codec/encode` and
 * `POST /codec/decode`, with CORS for the UI's origins (preflights pass without the token, see auth.ts). Besides the
 * token, CODEC_AUTH=loopback takes any call from this machine, and CODEC_AUTH=cookie the session cookie of
 * `/codec/session` on a call from an allowed origin.
 */
export function registerCodecRoutes(
  app: FastifyInstance,
  deps: Pick<ApiDeps, 'temporal' | 'apiToken' | 'codecCorsOrigins' | 'codecAuth' | 'codecSessionSeconds'>,
): void {
  // The API client's own codecs: the endpoint decodes exactly what the API and its worker encode.
  const codecs = deps.temporal.options.loadedDataConverter.payloadCodecs;
  const allowed = new Set(deps.codecCorsOrigins);
  const allowedOrigin = (request: FastifyRequest) =>
    request.headers.origin !== undefined && allowed.has(request.headers.origin) ? request.headers.origin : undefined;
  const sessions =
    deps.codecAuth === 'cookie'
      ? new CodecSessions(deps.apiToken, deps.codecSessionSeconds ?? DEFAULT_SESSION_SECONDS)
      : undefined;
  if (sessions) {
    registerCodecSessionRoutes(app, { apiToken: deps.apiToken, sessions, uiOrigins: deps.codecCorsOrigins ?? [] });
  }
  const routeOptions = {
    config: { passesWithoutToken: withoutToken(deps.codecAuth, sessions, allowedOrigin) },
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

/** What `/codec/*` takes instead of the token, as the Web UI in a browser cannot send it (CODEC_AUTH). */
function withoutToken(
  codecAuth: ApiDeps['codecAuth'],
  sessions: CodecSessions | undefined,
  allowedOrigin: (request: FastifyRequest) => string | undefined,
): ((request: FastifyRequest) => boolean) | undefined {
  if (codecAuth === 'loopback') return (request) => LOOPBACK.has(request.ip);
  if (!sessions) return undefined;
  // From an allowed origin only: other pages of the same site (any port of 127.0.0.1) have the cookie sent too.
  return (request) =>
    allowedOrigin(request) !== undefined &&
    sessions.verify(readCookie(request.headers.cookie, SESSION_COOKIE)) !== undefined;
}
