/** One entry of the API's error body (docs/easypost-api.md §3). */
export interface ApiErrorDetail {
  code: string;
  message: string;
  field?: string;
}

/** The API's error body: `{"errors": {code, message, field, suggestion, errors[]}}`. */
export interface ApiErrorBody {
  errors: { code: string; message: string; field: string | null; suggestion: null; errors: ApiErrorDetail[] };
}

/** A failure the simulator answers with the API's error shape; thrown by handlers and the typed control. */
export class SimApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field: string | null = null,
    readonly details: ApiErrorDetail[] = [],
  ) {
    super(message);
    this.name = 'SimApiError';
  }

  toBody(): ApiErrorBody {
    return {
      errors: { code: this.code, message: this.message, field: this.field, suggestion: null, errors: this.details },
    };
  }
}

export function notFound(what: string, id: string): SimApiError {
  return new SimApiError(404, 'NOT_FOUND', `${what} ${id} not found`);
}

/** The error code the API uses for a 5xx status. */
export function serverErrorCode(status: number): string {
  return status === 503 ? 'SERVICE_UNAVAILABLE' : 'INTERNAL_SERVER_ERROR';
}
