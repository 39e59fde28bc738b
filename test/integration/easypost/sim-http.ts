import { fetchControl } from '../../helpers/simulator-http';

/** The simulator's /__sim/ control API over HTTP, so tests exercise it the way other tools would. */
export function simHttp(url: string) {
  async function send<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetchControl(url, method, path, body);
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} /__sim/${path} answered ${response.status}: ${text}`);
    return JSON.parse(text) as T;
  }
  return {
    reset: () => send('POST', 'reset'),
    createAccount: (name: string) =>
      send<{ id: string; test_key: string; production_key: string }>('POST', 'accounts', { name }),
    seed: (body: unknown) => send('POST', 'seed', body),
    settings: (body: unknown) => send('POST', 'settings', body),
    orders: (apiKey: string) =>
      send<{ orders: { id: string; description: string | null; status: string }[] }>(
        'GET',
        `orders?api_key=${encodeURIComponent(apiKey)}`,
      ),
    advance: (orderId: string, body: unknown) => send('POST', `orders/${orderId}/advance`, body),
    addFault: (body: unknown) => send<{ id: string }>('POST', 'faults', body),
    clearFaults: () => send('DELETE', 'faults'),
    clearRequests: () => send('DELETE', 'requests'),
    faultCounts: () => send<{ counts: Record<string, number> }>('GET', 'fault-counts'),
    requests: () =>
      send<{ requests: { method: string; path: string; status: number | null; fault?: string }[] }>('GET', 'requests'),
  };
}

export type SimHttp = ReturnType<typeof simHttp>;

/** What every simulator-backed test seeds: one warehouse, a few products with plenty of stock, one scarce. */
export const SIM_CATALOG = {
  warehouses: [{ name: 'El Monte', short_name: 'ELM' }],
  products: [
    { barcode: '0123456789012', title: 'Mouse' },
    { barcode: '0123456789029', title: 'Keyboard' },
    { barcode: '0123456789036', title: 'Scarce cable' },
  ],
  stock: [
    { barcode: '0123456789012', warehouse: 'ELM', quantity: 1000 },
    { barcode: '0123456789029', warehouse: 'ELM', quantity: 1000 },
    { barcode: '0123456789036', warehouse: 'ELM', quantity: 1 },
  ],
};
