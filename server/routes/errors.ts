// The one error middleware: typed errors become { error: { code, message, details? } } in the
// language the client asked for (Dutch unless English is preferred).
import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from 'pino';
import { AppError } from '../errors.ts';

export const notFoundHandler: RequestHandler = (_req, res) => {
  res.status(404).json({ error: { code: 'not_found', message: 'Not found' } });
};

export function errorHandler(log: Logger): ErrorRequestHandler {
  return (err: unknown, req, res, _next) => {
    const lang = req.acceptsLanguages('nl', 'en') === 'en' ? 'en' : 'nl';
    if (err instanceof AppError) {
      res.status(err.status).json({ error: { code: err.code, message: err.text[lang], ...(err.details === undefined ? {} : { details: err.details }) } });
      return;
    }
    // body-parser errors carry a status and a type; they are the client's fault, not ours.
    const e = err as { status?: number; type?: string };
    if (e.type === 'entity.too.large') {
      res.status(413).json({ error: { code: 'too_large', message: lang === 'nl' ? 'Het verzoek is te groot.' : 'The request is too large.' } });
      return;
    }
    if (typeof e.status === 'number' && e.status >= 400 && e.status < 500) {
      res.status(e.status).json({ error: { code: 'invalid_input', message: lang === 'nl' ? 'De invoer klopt niet.' : 'The input is not valid.' } });
      return;
    }
    log.error({ err }, 'unhandled error');
    res.status(500).json({ error: { code: 'internal', message: lang === 'nl' ? 'Er ging iets mis aan onze kant.' : 'Something went wrong on our side.' } });
  };
}
