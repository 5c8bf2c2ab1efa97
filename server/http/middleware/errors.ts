// The one error middleware: typed errors become { error: { code, message, details? } } with the code's HTTP
// status, in the language the client asked for (Dutch unless English is preferred).
import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from 'pino';
import type { ApiErrorBody, ErrorCode } from '../../api/errors.ts';
import { AppError } from '../../services/common/errors.ts';

export const STATUS: Record<ErrorCode, number> = {
  invalid_input: 400,
  too_large: 413,
  not_found: 404,
  cross_site: 403,
  no_session: 401,
  already_completed: 409,
  login_failed: 401,
  login_locked: 429,
  forbidden: 403,
  staff_login_failed: 401,
  staff_login_locked: 429,
  classroom_code_unknown: 404,
  too_many_streams: 429,
  too_many_uploads: 429,
  storage_unavailable: 503,
  shutting_down: 503,
  internal: 500,
};

/** Under load a storage fault fails every request: one line per code every 10 seconds says it. */
const lastLogged = new Map<string, number>();
function shouldLog(code: string): boolean {
  const t = Date.now();
  if ((lastLogged.get(code) ?? 0) > t - 10_000) return false;
  lastLogged.set(code, t);
  return true;
}

const send = (res: Parameters<RequestHandler>[1], status: number, body: ApiErrorBody) => res.status(status).json(body);

export const notFoundHandler: RequestHandler = (_req, res) => {
  send(res, 404, { error: { code: 'not_found', message: 'Not found' } });
};

/**
 * `translate` turns an error that is not an AppError into one when a service knows what it means (a storage fault
 * becomes storage_unavailable); it also decides whether to log it.
 */
export function errorHandler(log: Logger, translate: (err: unknown) => AppError | null = () => null): ErrorRequestHandler {
  return (thrown: unknown, req, res, _next) => {
    const lang = req.acceptsLanguages('nl', 'en') === 'en' ? 'en' : 'nl';
    const translated = thrown instanceof AppError ? null : translate(thrown);
    const err = translated ?? thrown;
    if (translated && shouldLog(translated.code)) log.error({ err: thrown, code: translated.code }, 'storage fault: writes fail until it ends');
    if (err instanceof AppError) {
      const e: AppError = err;
      if ((AppError.is(e, 'login_locked') || AppError.is(e, 'staff_login_locked')) && e.details) res.set('Retry-After', String(e.details.retryAfterSeconds));
      if (STATUS[e.code] === 503) res.set('Retry-After', '10');
      send(res, STATUS[e.code], { error: { code: e.code, message: e.text[lang], ...(e.details === undefined ? {} : { details: e.details }) } });
      return;
    }
    // body-parser errors carry a status and a type; they are the client's fault, not ours.
    const e = err as { status?: number; type?: string };
    if (e.type === 'entity.too.large') {
      send(res, 413, { error: { code: 'too_large', message: lang === 'nl' ? 'Het verzoek is te groot.' : 'The request is too large.' } });
      return;
    }
    if (typeof e.status === 'number' && e.status >= 400 && e.status < 500) {
      send(res, e.status, { error: { code: 'invalid_input', message: lang === 'nl' ? 'De invoer klopt niet.' : 'The input is not valid.' } });
      return;
    }
    log.error({ err }, 'unhandled error');
    send(res, 500, { error: { code: 'internal', message: lang === 'nl' ? 'Er ging iets mis aan onze kant.' : 'Something went wrong on our side.' } });
  };
}
