/**
 * The API requests a simulator saw (never its /__sim/ calls), for tests and audits.
 * API: `new RequestLog<FaultKind>()`, `install(app)`, `noteFault`, `record`, `list`, `clear`; `RequestLogEntry`.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { isControlRequest } from './control-path';

/** One API request as the simulator saw it; `status` is null when no response was produced (reset). */
export interface RequestLogEntry<K extends string = string> {
  method: string;
  path: string;
  status: number | null;
  fault?: K;
  at: string;
}

/** Every API request in the order they completed. */
export class RequestLog<K extends string = string> {
  private readonly entries: RequestLogEntry<K>[] = [];
  private readonly faults = new WeakMap<FastifyRequest, K>();
  private readonly recorded = new WeakSet<FastifyRequest>();

  /** Remembers which fault a request got, for its log entry. */
  noteFault(request: FastifyRequest, fault: K): void {
    this.faults.set(request, fault);
  }

  /** Logs the request now, for faults that never reach onResponse (reset, commit_then_timeout). */
  record(request: FastifyRequest, status: number | null): void {
    if (this.recorded.has(request)) return;
    this.recorded.add(request);
    const fault = this.faults.get(request);
    this.entries.push({
      method: request.method,
      path: request.url,
      status,
      ...(fault ? { fault } : {}),
      at: new Date().toISOString(),
    });
  }

  list(): RequestLogEntry<K>[] {
    return structuredClone(this.entries);
  }

  clear(): void {
    this.entries.length = 0;
  }

  install(app: FastifyInstance): void {
    app.addHook('onResponse', async (request, reply) => {
      if (!isControlRequest(request)) this.record(request, reply.statusCode);
    });
  }
}
