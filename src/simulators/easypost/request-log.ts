import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { FaultKind } from './control-schemas';
import { isControlRequest } from './paths';

/** One API request as the simulator saw it; `status` is null when no response was produced (reset). */
export interface RequestLogEntry {
  method: string;
  path: string;
  status: number | null;
  fault?: FaultKind;
  at: string;
}

/** Every API request (not /__sim/ calls) in the order they completed, for tests and audits. */
export class RequestLog {
  private readonly entries: RequestLogEntry[] = [];
  private readonly faults = new WeakMap<FastifyRequest, FaultKind>();
  private readonly recorded = new WeakSet<FastifyRequest>();

  /** Remembers which fault a request got, for its log entry. */
  noteFault(request: FastifyRequest, fault: FaultKind): void {
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

  list(): RequestLogEntry[] {
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
