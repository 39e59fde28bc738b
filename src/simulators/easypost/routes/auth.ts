import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { SimContext } from '../context';
import { SimApiError } from '../errors';
import type { Ledger } from '../state';

const ledgers = new WeakMap<FastifyRequest, Ledger>();

/** The ledger of the key that authenticated this request. */
export function ledgerOf(request: FastifyRequest): Ledger {
  const ledger = ledgers.get(request);
  if (!ledger) throw new Error('ledgerOf called outside an authenticated route');
  return ledger;
}

/** The user name of an HTTP Basic header: the API key (the password is empty). */
function basicUser(header: string | undefined): string | undefined {
  const match = /^Basic\s+(\S+)$/i.exec(header ?? '');
  if (!match?.[1]) return undefined;
  const user = Buffer.from(match[1], 'base64').toString('utf8').split(':')[0];
  return user || undefined;
}

/** Authenticates every API route by key, then applies the per-key rate limit. */
export function installAuth(app: FastifyInstance, context: SimContext): void {
  app.addHook('onRequest', async (request, reply) => {
    const key = basicUser(request.headers.authorization);
    if (!key) {
      throw new SimApiError(401, 'APIKEY.REQUIRED', 'An API key is required: HTTP Basic, key as user name');
    }
    const ledger = context.store.ledgerFor(key);
    if (!ledger) throw new SimApiError(401, 'APIKEY.INVALID', 'The API key is not valid');
    const waitS = context.limiter.take(key, context.settings.rate_limit_per_second);
    if (waitS > 0) {
      reply.header('retry-after', String(waitS));
      throw new SimApiError(429, 'RATE_LIMITED', 'Too many requests');
    }
    ledgers.set(request, ledger);
  });
}
