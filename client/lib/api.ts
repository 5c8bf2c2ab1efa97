// Thin fetch wrapper: JSON in and out, typed errors with the server's code and that code's details.
import type { ApiErrorBody, ErrorCode, ErrorDetails } from '../../server/api/errors.ts';
import type { Endpoint } from '../../server/api/endpoints.ts';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    /** The server's error code, or `http_<status>` when the answer carried none (a proxy's error page). */
    readonly code: ErrorCode | `http_${number}`,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }

  /** Whether this is the server's error `code`; narrows `details` to that code's type. */
  is<C extends ErrorCode>(code: C): this is ApiError & { code: C; details: ErrorDetails[C] } {
    return this.code === code;
  }
}

/** Thrown when the request never got an answer: offline, or the server unreachable. */
export class NetworkError extends Error {}

/** Calls an endpoint of the contract. keepalive lets a save started while the page is being hidden or closed still reach the server. */
export async function api<T>(endpoint: Endpoint, body?: unknown, lang = 'nl', keepalive = false): Promise<T> {
  let res: Response;
  try {
    res = await fetch(endpoint.path, {
      method: endpoint.method,
      // Every state-changing request says it is JSON, also without a body: the server refuses it otherwise (CSRF).
      headers: { ...(endpoint.method === 'GET' ? {} : { 'Content-Type': 'application/json' }), 'Accept-Language': lang },
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      keepalive,
    });
  } catch (err) {
    throw new NetworkError(err instanceof Error ? err.message : 'network error');
  }
  if (res.status === 204) return undefined as T;
  const data: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const e = (data as ApiErrorBody | null)?.error;
    throw new ApiError(res.status, e?.code ?? `http_${res.status}`, e?.message ?? res.statusText, e?.details);
  }
  return data as T;
}
