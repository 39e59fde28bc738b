import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { setTimeout as sleep } from 'node:timers/promises';
import { isControlRequest } from '../shared/control-path';
import { FaultRules } from '../shared/fault-rules';
import type { Random } from '../shared/random';
import type { RequestLog } from '../shared/request-log';
import { faultSchema, type FaultKind } from './control-schemas';
import { SimApiError, serverErrorCode } from './errors';
import { newId } from './ids';
import { normaliseRoute, routeKey } from './paths';
import { parseInput } from './validation';

interface EasyPostFault {
  route: string;
  kind: FaultKind;
  rate: number;
  times: number | undefined;
  seed: number | undefined;
  latencyMs: number;
  retryAfterS: number;
  status: number;
}

/** The injected faults; the first matching rule whose draw succeeds applies to a request. */
export class FaultRegistry {
  private readonly rules: FaultRules<EasyPostFault>;

  constructor(random: Random) {
    this.rules = new FaultRules(random, () => newId('fault'));
  }

  add(body: unknown): { id: string } {
    const input = parseInput(faultSchema, body);
    return this.rules.add({
      route: normaliseRoute(input.route),
      kind: input.kind,
      rate: input.rate,
      times: input.times,
      seed: input.seed,
      latencyMs: input.latency_ms,
      retryAfterS: input.retry_after_s,
      status: input.status,
    });
  }

  remove(id: string): void {
    this.rules.remove(id);
  }

  clear(): void {
    this.rules.clear();
  }

  /** The fault for a request to `route`, counting it against the rule's `times`. */
  draw(route: string): EasyPostFault | undefined {
    return this.rules.draw(route);
  }
}

function sendError(reply: FastifyReply, error: SimApiError, retryAfterS?: number): FastifyReply {
  if (retryAfterS !== undefined) reply.header('retry-after', String(retryAfterS));
  return reply.code(error.status).send(error.toBody());
}

/**
 * Applies faults to API requests. Most act before the handler (the operation is not performed);
 * commit_then_timeout lets the handler run and then holds the response until the client gives up
 * or the server closes (which destroys every connection).
 */
export function installFaults(
  app: FastifyInstance,
  registry: FaultRegistry,
  log: RequestLog<FaultKind>,
  closing: AbortSignal,
): void {
  const held = new WeakSet<FastifyRequest>();

  app.addHook('onRequest', async (request, reply) => {
    if (isControlRequest(request)) return;
    const rule = registry.draw(routeKey(request));
    if (!rule) return;
    log.noteFault(request, rule.kind);
    switch (rule.kind) {
      case 'latency':
        await sleep(rule.latencyMs, undefined, { signal: closing }).catch(() => undefined);
        return;
      case 'server_error': {
        const error = new SimApiError(rule.status, serverErrorCode(rule.status), 'Injected server error');
        return sendError(reply, error, rule.status === 503 ? rule.retryAfterS : undefined);
      }
      case 'rate_limit':
        return sendError(reply, new SimApiError(429, 'RATE_LIMITED', 'Too many requests'), rule.retryAfterS);
      case 'reset':
        log.record(request, null);
        reply.hijack();
        request.raw.socket.destroy();
        return reply;
      case 'malformed':
        // Looks like the start of a real answer, cut off mid-string.
        return reply
          .code(200)
          .type('application/json')
          .send(`{"id": "${newId('order').slice(0, 14)}`);
      case 'commit_then_timeout':
        held.add(request);
        return;
    }
  });

  app.addHook('onSend', async (request, reply, payload) => {
    if (!held.has(request)) return payload;
    log.record(request, reply.statusCode);
    // Never settles: the operation is done but its answer never leaves.
    return new Promise<never>(() => undefined);
  });
}
