/** A `fetch` that answers every call from `respond`, with the request's JSON body (if any) to look at. */
export function fakeFetch(respond: (body: unknown, url: string) => Response | Promise<Response>): typeof fetch {
  return (async (url: string | URL, init?: RequestInit) => {
    const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined;
    return respond(body, String(url));
  }) as typeof fetch;
}

/** A JSON answer; `undefined` sends an empty body. */
export const json = (body: unknown, init: ResponseInit = {}): Response =>
  new Response(body === undefined ? '' : JSON.stringify(body), init);
