import {
  startWooCommerceSimulator,
  type RunningWooCommerceSimulator,
  type SiteKeys,
} from '../../../../src/simulators/woocommerce';
import { readAnswer, SimulatorHarness, type HttpAnswer } from '../../../helpers/simulator-http';

export type { Loose } from '../../../helpers/simulator-http';
export type ApiResponse = HttpAnswer;

/** A running simulator with one store and plain-fetch helpers for its REST API and the control API. */
export class WooHarness extends SimulatorHarness<RunningWooCommerceSimulator> {
  keys!: SiteKeys;

  static async start(): Promise<WooHarness> {
    const harness = new WooHarness(await startWooCommerceSimulator());
    harness.reset();
    return harness;
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
    return readAnswer(response);
  }

  basic(key = this.keys.consumer_key, secret = this.keys.consumer_secret): string {
    return `Basic ${Buffer.from(`${key}:${secret}`).toString('base64')}`;
  }
}
