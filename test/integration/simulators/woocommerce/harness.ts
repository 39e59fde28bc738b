import {
  startWooCommerceSimulator,
  type RunningWooCommerceSimulator,
  type SiteKeys,
} from '../../../../src/simulators/woocommerce';

// Tests read response bodies loosely and let the assertions do the checking.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Loose = any;

export interface ApiResponse {
  status: number;
  headers: Headers;
  body: Loose;
}

async function read(response: Response): Promise<ApiResponse> {
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text === '' ? undefined : JSON.parse(text) };
}

/** A running simulator with one store and plain-fetch helpers for its REST API and the control API. */
export class WooHarness {
  keys!: SiteKeys;

  private constructor(readonly sim: RunningWooCommerceSimulator) {}

  static async start(): Promise<WooHarness> {
    const harness = new WooHarness(await startWooCommerceSimulator());
    harness.reset();
    return harness;
  }

  get control() {
    return this.sim.control;
  }

  reset(shipmentTracking = true): void {
    this.control.reset();
    this.keys = this.control.createSite({ name: 'Test store', shipment_tracking: shipmentTracking });
  }

  /** Calls `${site_url}/wp-json/${path}` with HTTP Basic auth (`auth: null` for none). */
  async api(method: string, path: string, body?: unknown, auth: string | null = this.basic()): Promise<ApiResponse> {
    const headers: Record<string, string> = {};
    if (auth !== null) headers.authorization = auth;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${this.keys.site_url}/wp-json/${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return read(response);
  }

  basic(key = this.keys.consumer_key, secret = this.keys.consumer_secret): string {
    return `Basic ${Buffer.from(`${key}:${secret}`).toString('base64')}`;
  }

  async simCall(method: string, path: string, body?: unknown): Promise<ApiResponse> {
    const response = await fetch(`${this.sim.url}/__sim/${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return read(response);
  }

  close(): Promise<void> {
    return this.sim.close();
  }
}
