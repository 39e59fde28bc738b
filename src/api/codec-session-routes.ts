import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { logger } from '../logger';
import { isApiToken } from './auth';
import { CODEC_SESSION_PATH, type CodecSessions, readCookie, SESSION_COOKIE, sessionCookie } from './codec-session';
import { sessionPage, type SessionPageState } from './codec-session-page';
import { badRequest, type RouteDoc } from './route';

const bodySchema = z.object({ token: z.string().min(1, 'the API token is required') });

// The page runs only its own inline script, posts only to itself, and is never framed (no clickjacking of the form).
const PAGE_POLICY =
  "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; connect-src 'self'; " +
  "form-action 'self'; frame-ancestors 'none'";

const FORM = 'application/x-www-form-urlencoded';

const log = logger.child({ component: 'codec-server' });

const docs = {
  get: {
    summary: 'The page where a browser signs in so the Web UI decodes payloads (HTML, CODEC_AUTH=cookie)',
    tag: 'codec',
    responses: { 200: 'the sign-in form, or when this browser’s session ends' },
  },
  post: {
    summary: 'Trade the API token for the codec session cookie (CODEC_AUTH=cookie)',
    tag: 'codec',
    body: bodySchema,
    responses: {
      200: { description: 'the cookie is set', schema: z.object({ expiresAt: z.iso.datetime() }) },
      303: 'the cookie is set (a form post): back to the page',
      401: 'not the API token',
    },
  },
  delete: { summary: 'End this browser’s codec session', tag: 'codec', responses: { 204: 'the cookie is cleared' } },
} satisfies Record<string, RouteDoc>;

/**
 * `/codec/session` for CODEC_AUTH=cookie: the Web UI's browser cannot send the API token, so the operator presents it
 * once here (a form, or JSON) and gets a signed, expiring HttpOnly cookie that `/codec/*` takes instead (codec.ts).
 */
export function registerCodecSessionRoutes(
  app: FastifyInstance,
  deps: { apiToken: string; sessions: CodecSessions; uiOrigins: readonly string[] },
): void {
  const { sessions } = deps;
  const page = (reply: FastifyReply, state: Omit<SessionPageState, 'uiOrigins' | 'ttlSeconds'>) =>
    reply
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .header('content-security-policy', PAGE_POLICY)
      .send(sessionPage({ ...state, uiOrigins: deps.uiOrigins, ttlSeconds: sessions.ttlSeconds }));

  // A scope of its own: only here are form posts parsed, so no other route can be reached by a cross-site form.
  void app.register(async (scope) => {
    scope.addContentTypeParser(FORM, { parseAs: 'string' }, (_request, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(String(body))));
    });

    scope.get(CODEC_SESSION_PATH, { config: { doc: docs.get } }, async (request, reply) =>
      page(reply, { expiresAt: sessions.verify(readCookie(request.headers.cookie, SESSION_COOKIE)) }),
    );

    scope.post(CODEC_SESSION_PATH, { config: { doc: docs.post } }, async (request, reply) => {
      const fromForm = request.headers['content-type']?.startsWith(FORM) ?? false;
      const body = bodySchema.safeParse(request.body);
      if (!body.success) {
        return fromForm
          ? page(reply.code(400), { error: 'Enter the API token.' })
          : reply.code(400).send(badRequest('body', body.error));
      }
      if (!isApiToken(body.data.token, deps.apiToken)) {
        log.warn({ remote: request.ip }, 'Refused a codec session: not the API token');
        return fromForm
          ? page(reply.code(401), { error: 'That is not the API token.' })
          : reply.code(401).send({ error: 'not the API token' });
      }
      const { value, expiresAt } = sessions.issue();
      log.info({ remote: request.ip, expiresAt }, 'Codec session started');
      void reply.header('set-cookie', sessionCookie(value, sessions.ttlSeconds, overHttps(request)));
      // Post/redirect/get: reloading the page does not post the token again.
      return fromForm
        ? reply.code(303).header('location', CODEC_SESSION_PATH).send()
        : { expiresAt: expiresAt.toISOString() };
    });

    scope.delete(CODEC_SESSION_PATH, { config: { doc: docs.delete } }, async (request, reply) =>
      reply
        .code(204)
        .header('set-cookie', sessionCookie('', 0, overHttps(request)))
        .send(),
    );
  });
}

/** Whether the browser reached the API over https, itself or through a TLS proxy that says so. */
function overHttps(request: FastifyRequest): boolean {
  const forwarded = String(request.headers['x-forwarded-proto'] ?? '')
    .split(',')[0]
    ?.trim();
  return request.protocol === 'https' || forwarded === 'https';
}
