import type { FastifyInstance } from 'fastify';
import { randomBytes } from 'node:crypto';
import { installFaultHook, type FaultResponses } from '../shared/fault-hook';
import { toInjectedFault, type InjectedFault } from '../shared/fault-input';
import { FaultRules } from '../shared/fault-rules';
import type { Random } from '../shared/random';
import type { RequestLog } from '../shared/request-log';
import { faultSchema, type FaultKind } from './control-schemas';
import { BcError, versionOf } from './errors';
import { normaliseRoute, routeKey } from './paths';
import { exhaustedHeaders, sendHeaders } from './rate-limit';
import { parseParams } from './validation';

/** Parses a control body into a rule; routes are below the store, so one rule covers every store. */
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

/** BigCommerce's answers to faults, in the error shape of the request's API version. */
const responses: FaultResponses<FaultKind> = {
  server_error: (reply, rule, request) => {
    const error = new BcError(rule.status, 'Internal Server Error', versionOf(request.url));
    return reply.code(error.status).send(error.toBody());
  },
  // Another app on the store spent the shared quota: 429 with the window's reset, as the quota itself answers.
  rate_limit: (reply, rule, request) => {
    sendHeaders(reply, exhaustedHeaders(150, 30_000, rule.retryAfterS * 1000));
    const error = new BcError(429, 'Too many requests', versionOf(request.url));
    return reply.code(429).send(error.toBody());
  },
  // A proxy in front of the API cut the answer short.
  malformed: (reply) => reply.code(200).type('application/json').send('[{"id": 10, "status_id": 1'),
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
