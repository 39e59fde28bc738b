import { BigCommerceUnavailable } from './errors';
import type { BigCommerceHttp } from './http';

/** V2's largest `limit`. */
export const V2_PAGE_LIMIT = 250;

/**
 * Every item of a V2 collection (`v2/orders/{id}/products`, …), page by page until one comes back short. V2 answers
 * 204 No Content, not `[]`, when there is nothing (more).
 */
export async function listAllV2(http: BigCommerceHttp, path: string): Promise<unknown[]> {
  const items: unknown[] = [];
  for (let page = 1; ; page++) {
    const { body } = await http('GET', path, { query: { page, limit: V2_PAGE_LIMIT } });
    if (body === undefined) return items;
    if (!Array.isArray(body)) throw new BigCommerceUnavailable(`GET ${path}: expected a list, got ${typeof body}`);
    items.push(...(body as unknown[]));
    if (body.length < V2_PAGE_LIMIT) return items;
  }
}
