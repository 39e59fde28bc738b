/**
 * Where every simulator keeps its own control API. API: `CONTROL_PREFIX`, `isControlRequest(request)`.
 */
import type { FastifyRequest } from 'fastify';

/** The simulators' control API: not the vendor's, never called by epf. */
export const CONTROL_PREFIX = '/__sim';

/** True for `/__sim` and everything under it: faults and the request log leave those alone. */
export function isControlRequest(request: FastifyRequest): boolean {
  return request.url === CONTROL_PREFIX || request.url.startsWith(`${CONTROL_PREFIX}/`);
}
