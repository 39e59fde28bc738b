import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { setTimeout as sleep } from 'node:timers/promises';
import { installFaultHook, type FaultResponses } from '../shared/fault-hook';
import { toInjectedFault, type InjectedFault } from '../shared/fault-input';
import { FaultRules } from '../shared/fault-rules';
import type { Random } from '../shared/random';
import type { RequestLog } from '../shared/request-log';
import { faultSchema, type FaultKind, type FiredKind } from './control-schemas';
import type { FiredCounts } from './fault-counts';
import { SimApiError, serverErrorCode } from './errors';
import { newId } from './ids';
import { normaliseRoute, routeKey } from './paths';
import { parseInput } from './validation';

/** The injected faults; the first matching rule whose draw succeeds applies to a request. */
export class FaultRegistry {
  private readonly rules: FaultRules<InjectedFault<FaultKind>>;

  constructor(
    random: Random,
    private readonly fired: FiredCounts<FiredKind>,
  ) {
    this.rules = new FaultRules(random, () => newId('fault'));
  }

  add(body: unknown): { id: string } {
    const input = parseInput(faultSchema, body);
    return this.rules.add(toInjectedFault(normaliseRoute(input.route), input));
  }

  remove(id: string): void {
    this.rules.remove(id);
  }

  clear(): void {
    this.rules.clear();
  }

  /** The fault for a request to `route`, counting it against the rule's `times`. */
  draw(route: string): InjectedFault<FaultKind> | undefined {
    const rule = this.rules.draw(route);
    if (rule) this.fired.add(rule.kind);
    return rule;
  }
}

function sendError(reply: FastifyReply, error: SimApiError, retryAfterS?: number): FastifyReply {
  if (retryAfterS !== undefined) reply.header('retry-after', String(retryAfterS));
  return reply.code(error.status).send(error.toBody());
}

/** EasyPost's answers to faults; `held` collects the commit_then_timeout requests, `slow` the slow_commit delays. */
function responses(held: WeakSet<FastifyRequest>, slow: WeakMap<FastifyRequest, number>): FaultResponses<FaultKind> {
  return {
    server_error: (reply, rule) =>
      sendError(
        reply,
        new SimApiError(rule.status, serverErrorCode(rule.status), 'Injected server error'),
        rule.status === 503 ? rule.retryAfterS : undefined,
      ),
    rate_limit: (reply, rule) =>
      sendError(reply, new SimApiError(429, 'RATE_LIMITED', 'Too many requests'), rule.retryAfterS),
    // Looks like the start of a real answer, cut off mid-string.
    malformed: (reply) =>
      reply
        .code(200)
        .type('application/json')
        .send(`{"id": "${newId('order').slice(0, 14)}`),
    commit_then_timeout: (_reply, _rule, request) => {
      held.add(request);
      return undefined;
    },
    slow_commit: (_reply, rule, request) => {
      slow.set(request, rule.latencyMs);
      return undefined;
    },
  };
}

/**
 * Applies faults to API requests. Most act before the handler (the operation is not performed);
 * commit_then_timeout lets the handler run and then holds the response until the client gives up
 * or the server closes (which destroys every connection); slow_commit runs the handler only after its delay, whether
 * or not the client still waits, so the operation commits after the client gave up.
 */
export function installFaults(
  app: FastifyInstance,
  registry: FaultRegistry,
  log: RequestLog<FaultKind>,
  closing: AbortSignal,
): void {
  const held = new WeakSet<FastifyRequest>();
  const slow = new WeakMap<FastifyRequest, number>();
  installFaultHook(app, { rules: registry, routeOf: routeKey, log, closing, responses: responses(held, slow) });

  app.addHook('preHandler', async (request) => {
    const delayMs = slow.get(request);
    if (delayMs !== undefined) await sleep(delayMs, undefined, { signal: closing }).catch(() => undefined);
  });

  app.addHook('onSend', async (request, reply, payload) => {
    // Logged when committed: a client that gave up may leave no response to log.
    if (slow.has(request)) log.record(request, reply.statusCode);
    if (!held.has(request)) return payload;
    log.record(request, reply.statusCode);
    // Never settles: the operation is done but its answer never leaves.
    return new Promise<never>(() => undefined);
  });
}
