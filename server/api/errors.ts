// Every error code the API answers with, and the type of its details: the client narrows on `code` and never
// casts `details`. The HTTP status of each code is the http layer's (server/http/middleware/errors.ts).

/** One problem with the input: a field path and what is wrong, or a sentence naming the question. */
export type InputProblem = string | { path: string; message: string };

export interface ErrorDetails {
  invalid_input: InputProblem[];
  too_large: undefined;
  not_found: undefined;
  /** A state-changing request from another site, or not sent as JSON. */
  cross_site: undefined;
  no_session: undefined;
  already_completed: { completedAt: string | null };
  login_failed: { helpdesk: string };
  login_locked: { retryAfterSeconds: number; helpdesk: string };
  /** Signed in, but this role (or this institution) may not do this. */
  forbidden: undefined;
  staff_login_failed: undefined;
  staff_login_locked: { retryAfterSeconds: number };
  /** The classroom code is unknown or has expired. */
  classroom_code_unknown: undefined;
  /** This staff session already has as many live streams open as it may. */
  too_many_streams: { limit: number };
  /** Too many checked label files wait for their confirm right now; one may be sent again in a few minutes. */
  too_many_uploads: { limit: number };
  /**
   * The database cannot store (or read) right now: the disk is full, the files are read-only, an I/O error, or the
   * database stayed locked. Nothing of the request was stored; the same request may be sent again later.
   */
  storage_unavailable: { reason: StorageFaultReason; since?: string };
  /** The server is stopping; the request was not handled. */
  shutting_down: undefined;
  internal: undefined;
}

export type StorageFaultReason = 'full' | 'read_only' | 'io' | 'busy';
export type ErrorCode = keyof ErrorDetails;

/** The body of every error answer. */
export interface ApiErrorBody<C extends ErrorCode = ErrorCode> {
  error: { code: C; message: string; details?: ErrorDetails[C] };
}
