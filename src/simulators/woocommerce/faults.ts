import type { FastifyInstance, FastifyReply } from 'fastify';
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { isControlRequest } from '../shared/control-path';
import { FaultRules } from '../shared/fault-rules';
import type { Random } from '../shared/random';
import type { RequestLog } from '../shared/request-log';
import { faultSchema, type FaultKind } from './control-schemas';
import { WpError } from './errors';
import { normaliseRoute, routeKey } from './paths';
import { parseParams } from './validation';

interface WooFault {
  route: string;
  kind: FaultKind;
  rate: number;
  times: number | undefined;
  seed: number | undefined;
  latencyMs: number;
  retryAfterS: number;
  status: number;
}

/** Parses a control body into a rule; route keys are relative to the namespace, so one rule covers every site. */
export function createFaultRules(random: Random): {
  rules: FaultRules<WooFault>;
  add(body: unknown): { id: string };
} {
  const rules = new FaultRules<WooFault>(random, () => `fault_${randomBytes(8).toString('hex')}`);
  return {
    rules,
    add(body) {
      const input = parseParams(faultSchema, body);
      return rules.add({
        route: normaliseRoute(input.route),
        kind: input.kind,
        rate: input.rate,
        times: input.times,
        seed: input.seed,
        latencyMs: input.latency_ms,
        retryAfterS: input.retry_after_s,
        status: input.status,
      });
    },
  };
}

function sendError(reply: FastifyReply, error: WpError, retryAfterS?: number): FastifyReply {
  if (retryAfterS !== undefined) reply.header('retry-after', String(retryAfterS));
  return reply.code(error.status).send(error.toBody());
}

/** Applies faults to API requests before authentication and before the handler: the operation is not performed. */
export function installFaults(
  app: FastifyInstance,
  rules: FaultRules<WooFault>,
  log: RequestLog<FaultKind>,
  closing: AbortSignal,
): void {
  app.addHook('onRequest', async (request, reply) => {
    if (isControlRequest(request)) return;
    const rule = rules.draw(routeKey(request));
    if (!rule) return;
    log.noteFault(request, rule.kind);
    switch (rule.kind) {
      case 'latency':
        await sleep(rule.latencyMs, undefined, { signal: closing }).catch(() => undefined);
        return;
      case 'server_error': {
        // WordPress's fatal-error handler answers REST calls in its error shape; 503 is maintenance mode.
        const error = new WpError(
          rule.status,
          'internal_server_error',
          'There has been a critical error on this website.',
        );
        return sendError(reply, error, rule.status === 503 ? rule.retryAfterS : undefined);
      }
      case 'rate_limit':
        // WordPress has no limiter of its own; hosts and WAFs in front of it answer 429 with Retry-After.
        return sendError(reply, new WpError(429, 'rest_too_many_requests', 'Too many requests'), rule.retryAfterS);
      case 'reset':
        log.record(request, null);
        reply.hijack();
        request.raw.socket.destroy();
        return reply;
      case 'malformed':
        // A PHP notice printed before the JSON, then cut off: what a misbehaving plugin produces.
        return reply.code(200).type('application/json').send('<br />\n<b>Notice</b>: Undefined index [{"id": 10');
    }
  });
}
