import type { FastifyInstance } from 'fastify';
import { findExceptions } from '../exceptions/find-exceptions';
import { formatMetrics, type MetricFamily } from '../metrics/prometheus-text';
import type { ApiDeps } from './app';

const METRICS_PATH = '/metrics';

/**
 * `GET /metrics` in the Prometheus text format (bearer token, like every admin route: Prometheus sends it with
 * `authorization: {credentials: ...}`): the orders index by merchant and status, the oldest hold per merchant,
 * open exceptions by kind, and this API's own requests. The worker exports the SDK's metrics and epf's calls to
 * EasyPost and the carts on its own endpoint (WORKER_METRICS_ADDRESS).
 */
export function registerMetricsRoute(app: FastifyInstance, deps: Pick<ApiDeps, 'pool'>): void {
  const requests = new Map<string, { labels: Record<string, string>; count: number; seconds: number }>();
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    const labels = { method: request.method, route, status: String(reply.statusCode) };
    const key = JSON.stringify(labels);
    const entry = requests.get(key) ?? { labels, count: 0, seconds: 0 };
    entry.count += 1;
    entry.seconds += reply.elapsedTime / 1000;
    requests.set(key, entry);
  });

  app.get(
    METRICS_PATH,
    {
      config: {
        doc: {
          tag: 'operations',
          summary: 'Prometheus metrics: orders by status, oldest holds, open exceptions, API requests',
          responses: { 200: 'the Prometheus text format' },
        },
      },
    },
    async (_request, reply) => {
      const [orders, holds, exceptions] = await Promise.all([
        deps.pool.query<{ merchant_id: string; status: string; n: number }>(
          'SELECT merchant_id, status, count(*)::int AS n FROM orders GROUP BY 1, 2 ORDER BY 1, 2',
        ),
        deps.pool.query<{ merchant_id: string; seconds: number }>(
          `SELECT merchant_id, extract(epoch FROM now() - min(held_since))::float8 AS seconds
           FROM orders WHERE status = 'on_hold' AND held_since IS NOT NULL GROUP BY 1 ORDER BY 1`,
        ),
        findExceptions(deps.pool),
      ]);
      const byKind = new Map<string, number>();
      for (const { kind } of exceptions ?? []) byKind.set(kind, (byKind.get(kind) ?? 0) + 1);
      const api = [...requests.values()];
      const families: MetricFamily[] = [
        {
          name: 'epf_orders',
          help: 'Orders in the orders index, by merchant and status',
          type: 'gauge',
          samples: orders.rows.map((row) => ({
            labels: { merchant: row.merchant_id, status: row.status },
            value: row.n,
          })),
        },
        {
          name: 'epf_oldest_hold_seconds',
          help: 'How long the oldest on-hold order of each merchant has been waiting for stock',
          type: 'gauge',
          samples: holds.rows.map((row) => ({ labels: { merchant: row.merchant_id }, value: Math.round(row.seconds) })),
        },
        {
          name: 'epf_exceptions',
          help: 'Open exceptions (epf exceptions), by kind',
          type: 'gauge',
          samples: [...byKind].map(([kind, n]) => ({ labels: { kind }, value: n })),
        },
        {
          name: 'epf_api_requests_total',
          help: 'Admin API requests answered, by method, route and status',
          type: 'counter',
          samples: api.map(({ labels, count }) => ({ labels, value: count })),
        },
        {
          name: 'epf_api_request_seconds_total',
          help: 'Time spent answering admin API requests, by method, route and status',
          type: 'counter',
          samples: api.map(({ labels, seconds }) => ({ labels, value: Number(seconds.toFixed(6)) })),
        },
      ];
      return reply.type('text/plain; version=0.0.4; charset=utf-8').send(formatMetrics(families));
    },
  );
}
