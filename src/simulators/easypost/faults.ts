import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { setTimeout as sleep } from 'node:timers/promises';
import { faultSchema, type FaultKind } from './control-schemas';
import { SimApiError, serverErrorCode } from './errors';
import { newId } from './ids';
import { isControlRequest, normaliseRoute, routeKey } from './paths';
import { seededRandom, type Random } from './random';
import type { RequestLog } from './request-log';
import { parseInput } from './validation';

interface FaultRule {
  id: string;
  route: string;
  kind: FaultKind;
  rate: number;
  times: number | undefined;
  latencyMs: number;
  retryAfterS: number;
  status: number;
  fired: number;
  random: Random;
}

/** The injected faults; the first matching rule whose draw succeeds applies to a request. */
export class FaultRegistry {
  private rules: FaultRule[] = [];

  constructor(private readonly random: Random) {}

  add(body: unknown): { id: string } {
    const input = parseInput(faultSchema, body);
    const rule: FaultRule = {
      id: newId('fault'),
      route: normaliseRoute(input.route),
      kind: input.kind,
      rate: input.rate,
      times: input.times,
      latencyMs: input.latency_ms,
      retryAfterS: input.retry_after_s,
      status: input.status,
      fired: 0,
      random: input.seed === undefined ? this.random : seededRandom(input.seed),
    };
    this.rules.push(rule);
    return { id: rule.id };
  }

  remove(id: string): void {
    this.rules = this.rules.filter((rule) => rule.id !== id);
  }

  clear(): void {
    this.rules = [];
  }

  /** The fault for a request to `route`, counting it against the rule's `times`. */
  draw(route: string): FaultRule | undefined {
    const rule = this.rules.find(
      (candidate) =>
        (candidate.route === '*' || candidate.route === route) &&
        (candidate.times === undefined || candidate.fired < candidate.times) &&
        candidate.random() < candidate.rate,
    );
    if (rule) rule.fired += 1;
    return rule;
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
  log: RequestLog,
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
