// Thin fetch wrapper: JSON in and out, typed errors with the server's code.
import type { ApiError as ApiErrorBody } from '../../server/api/contract.ts';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

/** Thrown when the request never got an answer: offline, or the server unreachable. */
export class NetworkError extends Error {}

/** keepalive lets a save started while the page is being hidden or closed still reach the server. */
export async function api<T>(method: string, path: string, body?: unknown, lang = 'nl', keepalive = false): Promise<T> {
  let res: Response;
  try {
    res = await fetch(`/api${path}`, {
      method,
      headers: { ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), 'Accept-Language': lang },
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
    throw new ApiError(res.status, e?.code ?? 'http_' + res.status, e?.message ?? res.statusText, e?.details);
  }
  return data as T;
}
