/** WordPress REST error body: `{code, message, data: {status, ...}}` (docs/woocommerce-api.md §3). */
export interface WpErrorBody {
  code: string;
  message: string;
  data: { status: number; params?: Record<string, string> };
}

/** A failure the simulator answers in WordPress's error shape; thrown by handlers and the typed control. */
export class WpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly params?: Record<string, string>,
  ) {
    super(message);
    this.name = 'WpError';
  }

  toBody(): WpErrorBody {
    return {
      code: this.code,
      message: this.message,
      data: { status: this.status, ...(this.params && { params: this.params }) },
    };
  }
}

/** WordPress's answer when a query or body parameter fails its schema. */
export function invalidParams(params: Record<string, string>): WpError {
  return new WpError(400, 'rest_invalid_param', `Invalid parameter(s): ${Object.keys(params).join(', ')}`, params);
}

/** WordPress's answer for a path no plugin registered, e.g. the Shipment Tracking routes when it is not installed. */
export function noRoute(): WpError {
  return new WpError(404, 'rest_no_route', 'No route was found matching the URL and request method.');
}
