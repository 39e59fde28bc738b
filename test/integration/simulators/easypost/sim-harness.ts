import {
  startEasyPostSimulator,
  type RunningEasyPostSimulator,
  type StartEasyPostSimulatorOptions,
} from '../../../../src/simulators/easypost';
import { readAnswer, SimulatorHarness, type HttpAnswer, type Loose } from '../../../helpers/simulator-http';

export type { Loose } from '../../../helpers/simulator-http';
export type ApiResponse<T = Loose> = HttpAnswer<T>;

export const DESTINATION = {
  name: 'John Doe',
  street1: '417 Montgomery St',
  city: 'San Francisco',
  state: 'CA',
  zip: '94104',
  country: 'US',
};

/** A running simulator with one account seeded (two warehouses, three products) and plain-fetch helpers. */
export class SimHarness extends SimulatorHarness<RunningEasyPostSimulator> {
  testKey = '';
  productionKey = '';
  warehouses: Record<'ELM' | 'HEB', string> = { ELM: '', HEB: '' };
  products: Record<string, string> = {};

  static async start(options: StartEasyPostSimulatorOptions = {}): Promise<SimHarness> {
    const harness = new SimHarness(await startEasyPostSimulator({ rateLimitPerSecond: null, ...options }));
    harness.reseed();
    return harness;
  }

  /** Forgets everything and seeds: ELM {A: 5, B: 1}, HEB {A: 2, B: 4, C: 3}. */
  reseed(): void {
    this.control.reset();
    const account = this.control.createAccount({ name: 'Test' });
    this.testKey = account.test_key;
    this.productionKey = account.production_key;
    const seeded = this.control.seed({
      api_key: this.testKey,
      warehouses: [
        { name: 'El Monte', short_name: 'ELM' },
        { name: 'Hebron', short_name: 'HEB' },
      ],
      products: [
        { barcode: 'A-0001', title: 'Alpha' },
        { barcode: 'B-0002', title: 'Bravo' },
        { barcode: 'C-0003', title: 'Charlie' },
      ],
      stock: [
        { barcode: 'A-0001', warehouse: 'ELM', quantity: 5 },
        { barcode: 'B-0002', warehouse: 'ELM', quantity: 1 },
        { barcode: 'A-0001', warehouse: 'HEB', quantity: 2 },
        { barcode: 'B-0002', warehouse: 'HEB', quantity: 4 },
        { barcode: 'C-0003', warehouse: 'HEB', quantity: 3 },
      ],
    });
    this.warehouses = { ELM: seeded.warehouses[0]!.id, HEB: seeded.warehouses[1]!.id };
    this.products = Object.fromEntries(seeded.products.map((product) => [product.barcode, product.id]));
  }

  /** Sends a raw body to the vendor API with HTTP Basic auth (key as user, empty password). */
  send(
    method: string,
    path: string,
    rawBody?: string,
    options: { key?: string | null; signal?: AbortSignal } = {},
  ): Promise<Response> {
    const key = options.key === undefined ? this.testKey : options.key;
    const headers: Record<string, string> = {};
    if (key !== null) headers.authorization = `Basic ${Buffer.from(`${key}:`).toString('base64')}`;
    if (rawBody !== undefined) headers['content-type'] = 'application/json';
    return fetch(`${this.sim.apiBaseUrl}${path}`, { method, headers, body: rawBody, signal: options.signal });
  }

  /** Calls the vendor API with a JSON body and parses the answer. */
  async api<T = Loose>(
    method: string,
    path: string,
    body?: unknown,
    options: { key?: string | null; signal?: AbortSignal } = {},
  ): Promise<ApiResponse<T>> {
    const response = await this.send(method, path, body === undefined ? undefined : JSON.stringify(body), options);
    return readAnswer<T>(response);
  }

  order(lines: [barcode: string, units: number][], extra: Record<string, unknown> = {}) {
    return {
      service: 'standard',
      description: 'PO#1 epf:test',
      destination: DESTINATION,
      line_items: lines.map(([barcode, units]) => ({ product: { barcode }, units })),
      ...extra,
    };
  }

  /** Free units of a product in a warehouse, read through GET inventories. */
  async stock(barcode: string, warehouse: 'ELM' | 'HEB'): Promise<number> {
    const response = await this.api('GET', `inventories?product_ids[]=${this.products[barcode]}`);
    const row = response.body.inventories.find((entry: Loose) => entry.warehouse_id === this.warehouses[warehouse]);
    return row.quantity;
  }
}
