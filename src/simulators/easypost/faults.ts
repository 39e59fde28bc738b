import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { installFaultHook, type FaultResponses } from '../shared/fault-hook';
import { toInjectedFault, type InjectedFault } from '../shared/fault-input';
import { FaultRules } from '../shared/fault-rules';
import type { Random } from '../shared/random';
import type { RequestLog } from '../shared/request-log';
import { faultSchema, type FaultKind } from './control-schemas';
import { SimApiError, serverErrorCode } from './errors';
import { newId } from './ids';
import { normaliseRoute, routeKey } from './paths';
import { parseInput } from './validation';

/** The injected faults; the first matching rule whose draw succeeds applies to a request. */
export class FaultRegistry {
  private readonly rules: FaultRules<InjectedFault<FaultKind>>;

  constructor(random: Random) {
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
    return this.rules.draw(route);
  }
}

function sendError(reply: FastifyReply, error: SimApiError, retryAfterS?: number): FastifyReply {
  if (retryAfterS !== undefined) reply.header('retry-after', String(retryAfterS));
  return reply.code(error.status).send(error.toBody());
}

/** EasyPost's answers to faults; `held` collects the commit_then_timeout requests. */
function responses(held: WeakSet<FastifyRequest>): FaultResponses<FaultKind> {
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
  };
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
  installFaultHook(app, { rules: registry, routeOf: routeKey, log, closing, responses: responses(held) });

  app.addHook('onSend', async (request, reply, payload) => {
    if (!held.has(request)) return payload;
    log.record(request, reply.statusCode);
    // Never settles: the operation is done but its answer never leaves.
    return new Promise<never>(() => undefined);
  });
}
