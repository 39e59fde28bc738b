import type { FastifyInstance, FastifyReply } from 'fastify';
import { randomBytes } from 'node:crypto';
import { installFaultHook, type FaultResponses } from '../shared/fault-hook';
import { toInjectedFault, type InjectedFault } from '../shared/fault-input';
import { FaultRules } from '../shared/fault-rules';
import type { Random } from '../shared/random';
import type { RequestLog } from '../shared/request-log';
import { faultSchema, type FaultKind } from './control-schemas';
import { WpError } from './errors';
import { normaliseRoute, routeKey } from './paths';
import { parseParams } from './validation';

/** Parses a control body into a rule; route keys are relative to the namespace, so one rule covers every site. */
export function createFaultRules(random: Random): {
  rules: FaultRules<InjectedFault<FaultKind>>;
  add(body: unknown): { id: string };
} {
  const rules = new FaultRules<InjectedFault<FaultKind>>(random, () => `fault_${randomBytes(8).toString('hex')}`);
  return {
    rules,
    add(body) {
      const input = parseParams(faultSchema, body);
      return rules.add(toInjectedFault(normaliseRoute(input.route), input));
    },
  };
}

function sendError(reply: FastifyReply, error: WpError, retryAfterS?: number): FastifyReply {
  if (retryAfterS !== undefined) reply.header('retry-after', String(retryAfterS));
  return reply.code(error.status).send(error.toBody());
}

/** WordPress's answers to faults. */
const responses: FaultResponses<FaultKind> = {
  // WordPress's fatal-error handler answers REST calls in its error shape; 503 is maintenance mode.
  server_error: (reply, rule) =>
    sendError(
      reply,
      new WpError(rule.status, 'internal_server_error', 'There has been a critical error on this website.'),
      rule.status === 503 ? rule.retryAfterS : undefined,
    ),
  // WordPress has no limiter of its own; hosts and WAFs in front of it answer 429 with Retry-After.
  rate_limit: (reply, rule) =>
    sendError(reply, new WpError(429, 'rest_too_many_requests', 'Too many requests'), rule.retryAfterS),
  // A PHP notice printed before the JSON, then cut off: what a misbehaving plugin produces.
  malformed: (reply) =>
    reply.code(200).type('application/json').send('<br />\n<b>Notice</b>: Undefined index [{"id": 10'),
};

/** Applies faults to API requests before authentication and before the handler: the operation is not performed. */
export function installFaults(
  app: FastifyInstance,
  rules: FaultRules<InjectedFault<FaultKind>>,
  log: RequestLog<FaultKind>,
  closing: AbortSignal,
): void {
  installFaultHook(app, { rules, routeOf: routeKey, log, closing, responses });
}
