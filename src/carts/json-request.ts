/** One call to a cart's REST API, as the WooCommerce and BigCommerce adapters make it. */
export interface JsonRequest {
  method: string;
  headers: Record<string, string>;
  /** Sent as JSON when present. */
  body?: unknown;
  timeoutMs: number;
}

export interface JsonAnswer {
  response: Response;
  /** The parsed body; undefined when empty or not JSON. */
  body: unknown;
  /** False when the body was there but not JSON (a proxy's HTML page, a PHP notice, a cut answer). */
  json: boolean;
}

/**
 * Plain fetch with JSON in and out and a timeout on the whole answer, body included. A network failure (reset,
 * timeout) throws what `unavailable` makes of it; every answer is returned, for the adapter to judge by its status.
 */
export async function requestJson(
  fetchFn: typeof fetch,
  url: URL,
  request: JsonRequest,
  unavailable: (message: string, cause: unknown) => Error,
): Promise<JsonAnswer> {
  let response: Response;
  let text: string;
  try {
    response = await fetchFn(url, {
      method: request.method,
      headers: {
        accept: 'application/json',
        ...request.headers,
        ...(request.body !== undefined && { 'content-type': 'application/json' }),
      },
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      signal: AbortSignal.timeout(request.timeoutMs),
    });
    text = await response.text();
  } catch (error) {
    throw unavailable((error as Error).message, error);
  }
  if (text === '') return { response, body: undefined, json: true };
  try {
    return { response, body: JSON.parse(text), json: true };
  } catch {
    return { response, body: undefined, json: false };
  }
}
