/**
 * Plain-fetch access to a running simulator, the way other tools would call it: its /__sim/ control API, JSON answers
 * read loosely for the assertions to check. API: `Loose`, `HttpAnswer`, `readAnswer`, `fetchControl`, `SimulatorHarness`.
 */

// Tests read response bodies loosely and let the assertions do the checking.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Loose = any;

export interface HttpAnswer<T = Loose> {
  status: number;
  headers: Headers;
  body: T;
}

/** Status, headers and the JSON body; an empty body reads as undefined. */
export async function readAnswer<T = Loose>(response: Response): Promise<HttpAnswer<T>> {
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text === '' ? undefined : JSON.parse(text) };
}

/** Calls `${url}/__sim/${path}`, sending `body` as JSON when there is one. */
export function fetchControl(url: string, method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${url}/__sim/${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

/** What every `start…Simulator` answers. */
interface RunningSimulator<C> {
  url: string;
  control: C;
  close(): Promise<void>;
}

/** A running simulator for tests: its typed control, its control API over HTTP, and close(). */
export abstract class SimulatorHarness<S extends RunningSimulator<unknown>> {
  protected constructor(readonly sim: S) {}

  get control(): S['control'] {
    return this.sim.control;
  }

  /** Calls the control API over HTTP; the answer must be JSON. */
  async simCall<T = Loose>(method: string, path: string, body?: unknown): Promise<HttpAnswer<T>> {
    const response = await fetchControl(this.sim.url, method, path, body);
    return { status: response.status, headers: response.headers, body: (await response.json()) as T };
  }

  close(): Promise<void> {
    return this.sim.close();
  }
}
