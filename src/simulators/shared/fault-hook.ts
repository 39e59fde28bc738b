/**
 * What a drawn fault does to a request, the same in every simulator: log it, then sleep (`latency`), drop the
 * connection (`reset`) or let the API answer in its own shape (`responses`: error bodies, kinds only it has).
 * API: `FaultResponses<K>`, `applyFault(rule, request, reply, options)`, `installFaultHook(app, options)`.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { setTimeout as sleep } from 'node:timers/promises';
import { isControlRequest } from './control-path';
import type { InjectedFault } from './fault-input';
import type { RequestLog } from './request-log';

/** Kinds every simulator handles the same way. */
type SharedKind = 'latency' | 'reset';

/** One API's answer to each of its other kinds: the reply it sent, or nothing to let the request go on. */
export type FaultResponses<K extends string> = Record<
  Exclude<K, SharedKind>,
  (reply: FastifyReply, rule: InjectedFault<K>, request: FastifyRequest) => FastifyReply | undefined
>;

export interface FaultOptions<K extends string> {
  log: RequestLog<K>;
  /** Aborted when the server closes, so `latency` sleeps end with it. */
  closing: AbortSignal;
  responses: FaultResponses<K>;
}

/** Applies `rule` to the request; true when the fault answered (or killed) it, false when the request goes on. */
export async function applyFault<K extends string>(
  rule: InjectedFault<K>,
  request: FastifyRequest,
  reply: FastifyReply,
  { log, closing, responses }: FaultOptions<K>,
): Promise<boolean> {
  log.noteFault(request, rule.kind);
  if (rule.kind === 'latency') {
    await sleep(rule.latencyMs, undefined, { signal: closing }).catch(() => undefined);
    return false;
  }
  if (rule.kind === 'reset') {
    log.record(request, null);
    reply.hijack();
    request.raw.socket.destroy();
    return true;
  }
  const answered = responses[rule.kind as Exclude<K, SharedKind>](reply, rule, request);
  if (answered === undefined) return false;
  await answered;
  return true;
}

/** Applies faults to API requests (never /__sim/) in `onRequest`: before auth and the handler, so nothing is done. */
export function installFaultHook<K extends string>(
  app: FastifyInstance,
  options: FaultOptions<K> & {
    rules: { draw(route: string): InjectedFault<K> | undefined };
    /** The request's route in fault-rule form. */
    routeOf(request: FastifyRequest): string;
  },
): void {
  app.addHook('onRequest', async (request, reply) => {
    if (isControlRequest(request)) return;
    const rule = options.rules.draw(options.routeOf(request));
    if (!rule) return;
    if (await applyFault(rule, request, reply, options)) return reply;
  });
}
