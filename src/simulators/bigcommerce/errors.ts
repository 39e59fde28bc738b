/** Which API answers: V2 errors are `[{status, message}]`, V3 errors `{status, title, type, errors}`. */
export type ApiVersion = 'v2' | 'v3';

const STATUS_CODES_DOC = 'https://developer.bigcommerce.com/api-docs/getting-started/api-status-codes';

/** A failure the simulator answers in BigCommerce's error shape for the API version; thrown by handlers and control. */
export class BcError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly version: ApiVersion = 'v2',
    readonly details: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'BcError';
  }

  toBody(): unknown {
    if (this.version === 'v2') return [{ status: this.status, message: this.message }];
    return { status: this.status, title: this.message, type: STATUS_CODES_DOC, errors: this.details };
  }
}

/** The version a request path belongs to (`/stores/<hash>/v3/...`); control calls answer like V3. */
export function versionOf(url: string): ApiVersion {
  return /^\/stores\/[^/]+\/v2(\/|$)/.test(url) ? 'v2' : 'v3';
}

export const notFound = (version: ApiVersion = 'v2') =>
  new BcError(404, 'The requested resource was not found.', version);
