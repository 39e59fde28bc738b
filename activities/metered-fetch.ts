import { Context } from '@temporalio/activity';

/** The external APIs epf calls, as the `service` tag of its request metrics. */
export type ExternalService = 'easypost' | 'shopify' | 'woocommerce' | 'bigcommerce';

/**
 * `fetch` that records each request to an external API on the activity's metric meter, which the worker exports on
 * its Prometheus endpoint beside the SDK's own metrics: `epf_external_requests{service, outcome}` (outcome `2xx`,
 * `4xx`, `429`, `5xx` or `network`) and `epf_external_request_latency{service}` in milliseconds. Outside an activity
 * (a CLI or test call) it records nothing.
 */
export function meteredFetch(service: ExternalService, base: typeof fetch = globalThis.fetch): typeof fetch {
  return async (input, init) => {
    const started = performance.now();
    let outcome = 'network';
    try {
      const response = await base(input, init);
      outcome = response.status === 429 ? '429' : `${Math.floor(response.status / 100)}xx`;
      return response;
    } finally {
      record(service, outcome, performance.now() - started);
    }
  };
}

function record(service: ExternalService, outcome: string, ms: number): void {
  let meter;
  try {
    meter = Context.current().metricMeter;
  } catch {
    return; // not in an activity
  }
  meter.createCounter('epf_external_requests', 'requests', 'Requests to EasyPost and the carts').add(1, {
    service,
    outcome,
  });
  meter
    .createHistogram('epf_external_request_latency', 'int', 'ms', 'Time to the response headers')
    .record(Math.round(ms), { service });
}
